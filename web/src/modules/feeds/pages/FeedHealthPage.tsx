import { useQuery } from '@apollo/client/react';
import { EmptyState, Group, Paper, Text } from '@mantine/core';
import { IconHeartRateMonitor } from '@tabler/icons-react';
import { hasPermission } from '@/app/permissions/hasPermission';
import { FeedHealthDocument } from '@/generated/graphql';
import { useViewer } from '@/modules/auth';
import { PageHeader } from '@/ui/components/PageHeader';
import { QueryErrorState } from '@/ui/components/QueryErrorState';
import { TableSkeleton } from '@/ui/components/TableSkeleton';
import { HEALTH_REFRESH_MS } from '../components/ConnectionsCard';
import { FeedHealthTable } from '../components/FeedHealthTable';
import { WalletFeedHealth } from '../components/WalletFeedHealth';
import { useNow } from '../hooks/useNow';
import { useVenueNames } from '../hooks/useVenueNames';
import { byAttentionNeeded } from '../lib/connectionStatus';

/** Every connection the reader may see, what needs attention first. */
export function FeedHealthPage() {
  const viewer = useViewer();
  const venueName = useVenueNames();
  const now = useNow(5_000);
  const { data, error, refetch } = useQuery(FeedHealthDocument, { pollInterval: HEALTH_REFRESH_MS });
  const rows = data ? [...data.feedHealth].sort(byAttentionNeeded) : null;
  const broken = rows?.filter((r) => r.status === 'broken').length ?? 0;
  const attention = rows?.filter((r) => r.status !== 'active' || r.failingSince !== null).length ?? 0;

  return (
    <>
      <PageHeader
        title="Feed health"
        description="Every exchange connection Vigil polls: broken and failing first. Refreshes by itself."
      />
      {rows && rows.length > 0 && (
        <Group mb="sm" gap="lg">
          <Text fz="sm" data-testid="feed-health-summary">
            {rows.length} {rows.length === 1 ? 'connection' : 'connections'} ·{' '}
            <Text span c={broken > 0 ? 'red' : undefined} fw={broken > 0 ? 600 : undefined}>
              {broken} broken
            </Text>{' '}
            · {attention} {attention === 1 ? 'needs' : 'need'} attention
          </Text>
        </Group>
      )}
      {error && !data ? (
        <QueryErrorState error={error} onRetry={() => void refetch()} />
      ) : (
        <Paper withBorder>
          {!rows ? (
            <TableSkeleton />
          ) : rows.length === 0 ? (
            <EmptyState
              py="xl"
              icon={<IconHeartRateMonitor size={22} />}
              title="No connections to watch yet"
              description={
                <Text fz="sm" c="dimmed" maw={560} data-testid="feed-health-empty">
                  A connection appears here once an employee connects a read-only exchange key from their “My holdings” page. Then
                  each poll’s outcome shows here: a broken key turns red within one polling cycle and opens an alert.
                </Text>
              }
            />
          ) : (
            <FeedHealthTable
              rows={rows}
              venueName={venueName}
              now={now}
              linkEmployees={hasPermission(viewer.permissions, 'employees:read')}
            />
          )}
        </Paper>
      )}
      <WalletFeedHealth now={now} linkEmployees={hasPermission(viewer.permissions, 'employees:read')} />
    </>
  );
}
