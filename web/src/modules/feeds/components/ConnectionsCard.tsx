import { useQuery } from '@apollo/client/react';
import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { ConnectionsDocument } from '@/generated/graphql';
import { QueryErrorState } from '@/ui/components/QueryErrorState';
import { TableSkeleton } from '@/ui/components/TableSkeleton';
import { useNow } from '../hooks/useNow';
import { useVenueNames } from '../hooks/useVenueNames';
import { byAttentionNeeded } from '../lib/connectionStatus';
import { ConnectionSummary } from './ConnectionSummary';

// Re-read while the card is open, so a connection that breaks turns red within one polling cycle
// without a reload.
export const HEALTH_REFRESH_MS = 5_000;

type ConnectionsCardProps = {
  /** Whose connections; omitted: the signed-in employee's own. */
  employeeId?: string;
  /** What an empty list should say (the employee is told how to connect, compliance what it waits for). */
  empty: ReactNode;
  /** Shown in the card's header, e.g. a "Connect an exchange" button. */
  action?: ReactNode;
};

/** An employee's exchange connections with their health, worst first. */
export function ConnectionsCard({ employeeId, empty, action }: ConnectionsCardProps) {
  const venueName = useVenueNames();
  const now = useNow(5_000);
  const { data, error, refetch } = useQuery(ConnectionsDocument, {
    variables: { employeeId: employeeId ?? null },
    pollInterval: HEALTH_REFRESH_MS,
  });
  const connections = data ? [...data.connections].sort(byAttentionNeeded) : null;
  return (
    <Paper withBorder p="lg" data-testid="connections-card">
      <Stack gap="sm">
        <Stack gap={2}>
          <Title order={5}>Exchange connections</Title>
          <Text fz="xs" c="dimmed">
            Read-only keys, polled on a schedule. A red badge means the venue no longer accepts the key.
          </Text>
        </Stack>
        {action}
        {error && !data ? (
          <QueryErrorState error={error} onRetry={() => void refetch()} />
        ) : !connections ? (
          <TableSkeleton rows={2} />
        ) : connections.length === 0 ? (
          <Text fz="sm" c="dimmed" data-testid="connections-empty">
            {empty}
          </Text>
        ) : (
          connections.map((connection) => (
            <ConnectionSummary key={connection.id} connection={connection} venueName={venueName(connection.venue)} now={now} />
          ))
        )}
      </Stack>
    </Paper>
  );
}
