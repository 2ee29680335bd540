import { useQuery } from '@apollo/client/react';
import { Badge, Table, Text } from '@mantine/core';
import { PollRunsDocument } from '@/generated/graphql';
import { QueryErrorState } from '@/ui/components/QueryErrorState';
import { TableSkeleton } from '@/ui/components/TableSkeleton';
import { formatDateTime } from '@/ui/lib/formatDateTime';

const OUTCOME_COLOR: Record<string, string> = {
  ok: 'teal',
  auth_failed: 'red',
  scope_widened: 'red',
  rate_limited: 'orange',
  scope_unknown: 'orange',
  error: 'orange',
};

/** "3 balances, 1 new trade": the counts a poll recorded, in words; nothing when it read nothing. */
function countsText(counts: unknown): string {
  if (typeof counts !== 'object' || counts === null) return '';
  return Object.entries(counts as Record<string, unknown>)
    .filter(([, n]) => typeof n === 'number' && n > 0)
    .map(([what, n]) => `${String(n)} ${what.replace(/([A-Z])/g, ' $1').toLowerCase()}`)
    .join(', ');
}

/** The latest polls of one connection, newest first: what each read, how long it took, why it failed. */
export function PollHistory({ connectionId, first = 10 }: { connectionId: string; first?: number }) {
  const { data, error, refetch } = useQuery(PollRunsDocument, {
    variables: { connectionId, first },
    fetchPolicy: 'cache-and-network',
  });
  if (error && !data) return <QueryErrorState error={error} onRetry={() => void refetch()} />;
  if (!data) return <TableSkeleton rows={3} />;
  if (data.pollRuns.length === 0) {
    return (
      <Text fz="sm" c="dimmed" data-testid="poll-history-empty">
        Not polled yet. The first poll runs within one polling interval of connecting.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={560} type="native">
      <Table fz="xs" layout="fixed" data-testid="poll-history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={180}>Started</Table.Th>
            <Table.Th w={110}>Outcome</Table.Th>
            <Table.Th w={80}>Took</Table.Th>
            <Table.Th>Read / error</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.pollRuns.map((run) => (
            <Table.Tr key={run.id} data-testid="poll-run">
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(run.startedAt)}</Table.Td>
              <Table.Td>
                <Badge size="xs" variant="light" color={OUTCOME_COLOR[run.outcome] ?? 'gray'}>
                  {run.outcome.replace(/_/g, ' ')}
                </Badge>
              </Table.Td>
              <Table.Td>{run.durationMs} ms</Table.Td>
              <Table.Td>
                <Text fz="xs" c={run.error ? 'red' : 'dimmed'} lineClamp={2} title={run.error ?? undefined}>
                  {run.error ?? (countsText(run.counts) || 'Nothing new')}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
