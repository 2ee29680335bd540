import { useQuery } from '@apollo/client/react';
import { EmptyState, Paper, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { AuditEntriesDocument } from '@/generated/graphql';
import { CursorPagerControls } from '@/ui/components/CursorPagerControls';
import { PageHeader } from '@/ui/components/PageHeader';
import { QueryErrorState } from '@/ui/components/QueryErrorState';
import { TableSkeleton } from '@/ui/components/TableSkeleton';
import { notifySuccess } from '@/ui/lib/notifySuccess';
import { useCursorPager } from '@/ui/hooks/useCursorPager';
import { AuditEntryModal } from '../components/AuditEntryModal';
import { AuditFilters } from '../components/AuditFilters';
import { type AuditRow, AuditTable } from '../components/AuditTable';
import { ChainStatusPanel } from '../components/ChainStatusPanel';
import { useAuditCsvExport } from '../hooks/useAuditCsvExport';
import { type AuditFilterForm, emptyAuditFilterForm, toAuditFilter } from '../lib/auditFilter';

const PAGE_SIZE = 50;

export function AuditPage() {
  const [form, setForm] = useState<AuditFilterForm>(emptyAuditFilterForm);
  const filter = useMemo(() => toAuditFilter(form), [form]);
  const pager = useCursorPager();
  const { data, previousData, error, loading, refetch } = useQuery(AuditEntriesDocument, {
    variables: { filter, first: PAGE_SIZE, after: pager.after },
    fetchPolicy: 'network-only',
  });
  const [opened, setOpened] = useState<AuditRow | null>(null);
  const { exportCsv, exporting } = useAuditCsvExport();
  const connection = (data ?? previousData)?.auditEntries;
  const filtered = Object.keys(filter).length > 0;

  const runExport = async () => {
    const result = await exportCsv(filter);
    if (result.ok) notifySuccess('Export ready', `${result.filename} was downloaded. The export itself is logged.`);
    else notifications.show({ color: 'red', title: 'Export failed', message: result.message });
  };

  return (
    <Stack gap="md">
      <PageHeader title="Audit log" description="Every request, allowed or denied, in an append-only hash chain." />
      <ChainStatusPanel />
      <AuditFilters
        value={form}
        onApply={(next) => {
          setForm(next);
          pager.reset();
        }}
        onExport={() => void runExport()}
        exporting={exporting}
      />
      {error && !connection ? (
        <QueryErrorState error={error} onRetry={() => void refetch()} />
      ) : (
        <Paper withBorder>
          {!connection ? (
            <TableSkeleton rows={10} />
          ) : connection.nodes.length === 0 ? (
            <EmptyState
              py="xl"
              icon={<IconFileSearch size={22} />}
              title={filtered ? 'No entries match these filters' : 'No audit entries yet'}
              description={
                filtered ? 'Widen the time range or clear a filter.' : 'Entries appear as people and systems use Vigil.'
              }
              data-testid="audit-empty"
            />
          ) : (
            <>
              <AuditTable entries={connection.nodes} onOpen={setOpened} />
              <CursorPagerControls pager={pager} connection={connection} loading={loading} />
            </>
          )}
        </Paper>
      )}
      <AuditEntryModal entry={opened} onClose={() => setOpened(null)} />
    </Stack>
  );
}
