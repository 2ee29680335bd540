import { useQuery } from '@apollo/client/react';
import { Box, Group, Stack, Table, Text } from '@mantine/core';
import { EmployeeTradesDocument, type EmployeeTradesQuery } from '@/generated/graphql';
import { formatDateTime } from '@/ui/lib/formatDateTime';
import { stackedRowDivider, useStackedRows } from '@/ui/hooks/useStackedRows';
import { useFilteredPager } from '../hooks/useFilteredPager';
import { useVenueNames } from '../hooks/useVenueNames';
import { type TradeFilterForm, tradeFilterProblem, tradeFilterVariables } from '../lib/tradeFilters';
import { ActivityBadge } from './ActivityBadge';
import { PagedListCard } from './PagedListCard';
import { TradeFilters } from './TradeFilters';

const PAGE_SIZE = 25;
const NO_FILTER: TradeFilterForm = { symbol: '', side: null, fromDate: '', toDate: '' };

const NO_WRAP = { whiteSpace: 'nowrap' } as const;

type Trade = EmployeeTradesQuery['employeeTrades']['nodes'][number];
type ListProps = { trades: readonly Trade[]; venueName: (venue: string) => string };

/** An employee's trades, newest first, filtered and paged on the server. */
export function TradesTable({ employeeId }: { employeeId: string }) {
  const venueName = useVenueNames();
  const stacked = useStackedRows();
  const { form, setForm, problem, variables, pager, filtered } = useFilteredPager(
    NO_FILTER,
    tradeFilterVariables,
    tradeFilterProblem,
  );
  const { data, previousData, error, loading, refetch } = useQuery(EmployeeTradesDocument, {
    variables: { employeeId, first: PAGE_SIZE, after: pager.after, ...variables },
    skip: problem !== null,
  });
  const page = (data ?? previousData)?.employeeTrades;
  return (
    <PagedListCard
      title="Trades"
      testId="trades"
      filters={<TradeFilters value={form} onChange={setForm} />}
      filterProblem={problem}
      page={page}
      error={error}
      onRetry={() => void refetch()}
      loading={loading}
      pager={pager}
      empty={
        filtered
          ? 'No trades match these filters.'
          : 'No trades recorded. Polls read trades from each connection since it was made.'
      }
    >
      {page &&
        (stacked ? (
          <TradeCards trades={page.nodes} venueName={venueName} />
        ) : (
          <TradeRows trades={page.nodes} venueName={venueName} />
        ))}
    </PagedListCard>
  );
}

const SideBadge = ({ side }: { side: string }) => <ActivityBadge label={side} color={side === 'buy' ? 'teal' : 'grape'} />;

const feeText = (t: Trade) => (t.feeAmount ? `${t.feeAmount} ${t.feeAsset ?? ''}` : '—');

/** On a phone: what was traded and at what price first, then when, where and the fee. */
function TradeCards({ trades, venueName }: ListProps) {
  return (
    <Stack gap={0} data-testid="trades-table">
      {trades.map((t, index) => (
        <Box key={t.id} py="xs" style={stackedRowDivider(index)} data-testid="trade-row">
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Group gap={6} wrap="nowrap" miw={0}>
              <SideBadge side={t.side} />
              <Text fz="sm" fw={600} truncate="end">
                {t.symbol}
              </Text>
            </Group>
            <Text fz="sm" ff="monospace" ta="right" style={{ overflowWrap: 'anywhere' }}>
              {t.amount} @ {t.price}
            </Text>
          </Group>
          <Group justify="space-between" wrap="wrap" gap={4} mt={2}>
            <Text fz="xs" c="dimmed">
              {formatDateTime(t.tradedAt)} · {venueName(t.venue)}
            </Text>
            <Text fz="xs" c="dimmed" ff="monospace">
              fee {feeText(t)}
            </Text>
          </Group>
        </Box>
      ))}
    </Stack>
  );
}

function TradeRows({ trades, venueName }: ListProps) {
  return (
    // Columns sized by their content: a number is never cut or run into the next column (with
    // fixed columns an 8-decimal amount overlapped the price); the venue rides under the time so
    // the table fits the holdings column; a table wider than the card scrolls.
    <Table.ScrollContainer minWidth={560} type="native">
      <Table fz="sm" striped data-testid="trades-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={130}>Time</Table.Th>
            <Table.Th>Symbol</Table.Th>
            <Table.Th w={64}>Side</Table.Th>
            <Table.Th ta="right">Amount</Table.Th>
            <Table.Th ta="right">Price</Table.Th>
            <Table.Th ta="right">Fee</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {trades.map((t) => (
            <Table.Tr key={t.id} data-testid="trade-row">
              <Table.Td>
                <Text fz="xs">{formatDateTime(t.tradedAt)}</Text>
                <Text fz={11} c="dimmed">
                  {venueName(t.venue)}
                </Text>
              </Table.Td>
              <Table.Td fw={600} style={NO_WRAP}>
                {t.symbol}
              </Table.Td>
              <Table.Td>
                <SideBadge side={t.side} />
              </Table.Td>
              <Table.Td ta="right" ff="monospace" style={NO_WRAP}>
                {t.amount}
              </Table.Td>
              <Table.Td ta="right" ff="monospace" style={NO_WRAP}>
                {t.price}
              </Table.Td>
              <Table.Td ta="right" ff="monospace" fz="xs">
                {feeText(t)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
