import { useQuery } from '@apollo/client/react';
import { Chip, Group, Paper, SegmentedControl, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { hasPermission } from '@/app/permissions/hasPermission';
import { type AlertFieldsFragment, AlertsDocument, type AlertSeverity } from '@/generated/graphql';
import { useViewer } from '@/modules/auth';
import { CursorPagerControls } from '@/ui/components/CursorPagerControls';
import { PageHeader } from '@/ui/components/PageHeader';
import { QueryErrorState } from '@/ui/components/QueryErrorState';
import { TableSkeleton } from '@/ui/components/TableSkeleton';
import { useCursorPager } from '@/ui/hooks/useCursorPager';
import { AlertActionModal } from '../components/AlertActionModal';
import { AlertDetailDrawer } from '../components/AlertDetailDrawer';
import { AlertsEmptyState } from '../components/AlertsEmptyState';
import { AlertsTable } from '../components/AlertsTable';
import { type AlertAction, alertFilterOf, SEVERITIES, SEVERITY_LOOK, STATUS_VIEWS, type StatusView } from '../lib/alertQueue';

const PAGE_SIZE = 25;

export function AlertsPage() {
  const viewer = useViewer();
  const canWrite = hasPermission(viewer.permissions, 'alerts:write');
  const pager = useCursorPager();
  const [view, setView] = useState<StatusView>('unresolved');
  const [severities, setSeverities] = useState<AlertSeverity[]>([]);
  const { reset } = pager;
  useEffect(() => reset(), [view, severities, reset]);
  const { data, previousData, error, loading, refetch } = useQuery(AlertsDocument, {
    variables: { filter: alertFilterOf(view, severities), first: PAGE_SIZE, after: pager.after },
    fetchPolicy: 'cache-and-network',
  });
  const [openAlert, setOpenAlert] = useState<AlertFieldsFragment | null>(null);
  const [target, setTarget] = useState<{ alert: AlertFieldsFragment; action: AlertAction } | null>(null);
  const connection = (data ?? previousData)?.alerts;
  const filtered = view !== 'unresolved' || severities.length > 0;

  return (
    <>
      <PageHeader
        title="Alerts"
        description="What Vigil noticed that compliance should look at: acknowledge to show you are on it, resolve with a note."
      />
      <Group mb="sm" gap="md" wrap="wrap">
        <SegmentedControl
          size="xs"
          value={view}
          onChange={(v) => setView(v as StatusView)}
          data={STATUS_VIEWS.map((s) => ({ value: s.value, label: s.label }))}
          data-testid="alerts-status-filter"
        />
        <Chip.Group multiple value={severities} onChange={(v) => setSeverities(v as AlertSeverity[])}>
          <Group gap={6} data-testid="alerts-severity-filter">
            {SEVERITIES.map((s) => (
              <Chip key={s} value={s} size="xs" color={SEVERITY_LOOK[s].color}>
                {SEVERITY_LOOK[s].label}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </Group>
      {error && !connection ? (
        <QueryErrorState error={error} onRetry={() => void refetch()} />
      ) : (
        <Paper withBorder>
          {!connection ? (
            <TableSkeleton />
          ) : connection.nodes.length === 0 ? (
            <AlertsEmptyState filtered={filtered} />
          ) : (
            <>
              <AlertsTable
                alerts={connection.nodes}
                canWrite={canWrite}
                onOpen={setOpenAlert}
                onAction={(alert, action) => setTarget({ alert, action })}
              />
              <CursorPagerControls pager={pager} connection={connection} loading={loading} />
            </>
          )}
        </Paper>
      )}
      {!canWrite && (
        <Text fz="xs" c="dimmed" mt="sm" data-testid="alerts-read-only">
          Your role can read alerts but not work them: acknowledging and resolving need alerts:write (Compliance).
        </Text>
      )}
      <AlertDetailDrawer alert={openAlert} onClose={() => setOpenAlert(null)} />
      <AlertActionModal target={target} onClose={() => setTarget(null)} onChanged={() => void refetch()} />
    </>
  );
}
