import { useQuery } from '@apollo/client/react';
import { Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { EmployeeTradesDocument } from '@/generated/graphql';
import { CursorPagerControls } from '@/ui/components/CursorPagerControls';
import { QueryErrorState } from '@/ui/components/QueryErrorState';
import { TableSkeleton } from '@/ui/components/TableSkeleton';
import { useCursorPager } from '@/ui/hooks/useCursorPager';
import { formatDateTime } from '@/ui/lib/formatDateTime';
import { useVenueNames } from '../hooks/useVenueNames';
import { type TradeFilterForm, tradeFilterProblem, tradeFilterVariables } from '../lib/tradeFilters';
import { TradeFilters } from './TradeFilters';

const PAGE_SIZE = 25;
const NO_FILTER: TradeFilterForm = { symbol: '', side: null, fromDate: '', toDate: '' };

const NO_WRAP = { whiteSpace: 'nowrap' } as const;

/** An employee's trades, newest first, filtered and paged on the server. */
export function TradesTable({ employeeId }: { employeeId: string }) {
  const venueName = useVenueNames();
  const [form, setForm] = useState<TradeFilterForm>(NO_FILTER);
  const [debounced] = useDebouncedValue(form, 300);
  const problem = tradeFilterProblem(debounced);
  const filters = tradeFilterVariables(debounced);
  const pager = useCursorPager();
  const { reset } = pager;
  const filterKey = JSON.stringify(filters);
  useEffect(() => reset(), [filterKey, reset]);
  const { data, previousData, error, loading, refetch } = useQuery(EmployeeTradesDocument, {
    variables: { employeeId, first: PAGE_SIZE, after: pager.after, ...filters },
    skip: problem !== null,
  });
  const connection = (data ?? previousData)?.employeeTrades;
  const filtered = filterKey !== JSON.stringify(tradeFilterVariables(NO_FILTER));

  return (
    <Paper withBorder p="lg" data-testid="trades-card">
      <Stack gap="sm">
        <Title order={5}>Trades</Title>
        <TradeFilters value={form} onChange={setForm} problem={problem} />
        {error && !connection ? (
          <QueryErrorState error={error} onRetry={() => void refetch()} />
        ) : !connection ? (
          <TableSkeleton rows={3} />
        ) : connection.nodes.length === 0 ? (
          <Text fz="sm" c="dimmed" data-testid="trades-empty">
            {filtered
              ? 'No trades match these filters.'
              : 'No trades recorded. Polls read trades from each connection since it was made.'}
          </Text>
        ) : (
          <div>
            {/* Columns sized by their content: a number is never cut or run into the next column
                (with fixed columns an 8-decimal amount overlapped the price); a table wider than
                the card scrolls inside it. */}
            <Table.ScrollContainer minWidth={640} type="native">
              <Table fz="sm" striped data-testid="trades-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={150}>Time</Table.Th>
                    <Table.Th w={90}>Venue</Table.Th>
                    <Table.Th>Symbol</Table.Th>
                    <Table.Th w={76}>Side</Table.Th>
                    <Table.Th ta="right">Amount</Table.Th>
                    <Table.Th ta="right">Price</Table.Th>
                    <Table.Th ta="right">Fee</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {connection.nodes.map((t) => (
                    <Table.Tr key={t.id} data-testid="trade-row">
                      <Table.Td fz="xs">{formatDateTime(t.tradedAt)}</Table.Td>
                      <Table.Td>{venueName(t.venue)}</Table.Td>
                      <Table.Td fw={600} style={NO_WRAP}>
                        {t.symbol}
                      </Table.Td>
                      <Table.Td>
                        <Badge size="xs" variant="light" color={t.side === 'buy' ? 'teal' : 'grape'}>
                          {t.side}
                        </Badge>
                      </Table.Td>
                      <Table.Td ta="right" ff="monospace" style={NO_WRAP}>
                        {t.amount}
                      </Table.Td>
                      <Table.Td ta="right" ff="monospace" style={NO_WRAP}>
                        {t.price}
                      </Table.Td>
                      <Table.Td ta="right" ff="monospace" fz="xs">
                        {t.feeAmount ? `${t.feeAmount} ${t.feeAsset ?? ''}` : '—'}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <CursorPagerControls pager={pager} connection={connection} loading={loading} />
          </div>
        )}
      </Stack>
    </Paper>
  );
}
