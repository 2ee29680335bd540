import { useQuery } from '@apollo/client/react';
import { Box, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { ConnectionsDocument, EmployeeBalancesDocument, type EmployeeBalancesQuery } from '@/generated/graphql';
import { QueryErrorState } from '@/ui/components/QueryErrorState';
import { TableSkeleton } from '@/ui/components/TableSkeleton';
import { formatDateTime } from '@/ui/lib/formatDateTime';
import { stackedRowDivider, useStackedRows } from '@/ui/hooks/useStackedRows';
import { useNow } from '../hooks/useNow';
import { useReferenceCurrency } from '../hooks/useReferenceCurrency';
import { formatMoney } from '../lib/holdingValue';
import { useVenueNames } from '../hooks/useVenueNames';
import { staleText } from '../lib/staleness';
import { BalanceChart } from './BalanceChart';
import { HEALTH_REFRESH_MS } from './ConnectionsCard';

const HISTORY_DAYS = 30;

/** What an employee holds now, per connection (marked stale when its feed is failing), and over time. */
export function BalancesCard({ employeeId }: { employeeId: string }) {
  const venueName = useVenueNames();
  const now = useNow();
  const currency = useReferenceCurrency() ?? '';
  const { data, error, refetch } = useQuery(EmployeeBalancesDocument, {
    variables: { employeeId, days: HISTORY_DAYS },
    pollInterval: HEALTH_REFRESH_MS * 6,
  });
  // The same query ConnectionsCard runs: answered from the cache, it says which feeds are failing.
  const { data: health } = useQuery(ConnectionsDocument, { variables: { employeeId } });
  const connectionOf = (id: string) => health?.connections.find((c) => c.id === id);

  return (
    <Paper withBorder p="lg" data-testid="balances-card">
      <Stack gap="sm">
        <Stack gap={2}>
          <Title order={5}>Balances</Title>
          <Text fz="xs" c="dimmed">
            Each connection’s balances as the venue last reported them. A snapshot is kept when a balance changes, so “Since” is
            when it last changed; every successful poll confirms it. A failed poll never overwrites it: it is marked stale.
          </Text>
        </Stack>
        {error && !data ? (
          <QueryErrorState error={error} onRetry={() => void refetch()} />
        ) : !data ? (
          <TableSkeleton rows={3} />
        ) : data.employeeBalances.length === 0 ? (
          <Text fz="sm" c="dimmed" data-testid="balances-empty">
            No balances yet. They appear after the employee connects an exchange and its first poll succeeds.
          </Text>
        ) : (
          <BalanceList
            balances={data.employeeBalances}
            currency={currency}
            venueName={venueName}
            staleOf={(b) => staleText(connectionOf(b.connectionId), b.fetchedAt)}
          />
        )}
        {data && (
          <BalanceChart
            points={data.employeeBalanceHistory}
            values={data.employeeValueHistory}
            currency={currency}
            days={HISTORY_DAYS}
            now={now}
          />
        )}
      </Stack>
    </Paper>
  );
}

type Balance = EmployeeBalancesQuery['employeeBalances'][number];
type BalanceListProps = {
  balances: readonly Balance[];
  currency: string;
  venueName: (venue: string) => string;
  /** "stale since …" while the balance's connection is failing, else null. */
  staleOf: (b: Balance) => string | null;
};

/** The value at the newest price, or "unpriced" (no price from the pricing venue: never shown as 0). */
function BalanceValue({ b, currency }: { b: Balance; currency: string }) {
  return b.value !== null && b.value !== undefined ? (
    <Text
      fz="sm"
      ff="monospace"
      style={{ overflowWrap: 'anywhere' }}
      title={b.priceAt ? `At the price of ${formatDateTime(b.priceAt)}` : undefined}
      data-testid="balance-value"
    >
      {formatMoney(b.value, currency)}
    </Text>
  ) : (
    <Text fz="xs" c="dimmed" data-testid="balance-unpriced">
      unpriced
    </Text>
  );
}

function BalanceSince({ b, stale }: { b: Balance; stale: string | null }) {
  return stale ? (
    <Text fz="xs" c="orange.8" fw={600} data-testid="balance-stale">
      {stale}
    </Text>
  ) : (
    <Text fz="xs" c="dimmed">
      {formatDateTime(b.fetchedAt)}
    </Text>
  );
}

/** A table; on a phone a line per balance (asset, amount and value together, then since when). */
function BalanceList({ balances, currency, venueName, staleOf }: BalanceListProps) {
  const stacked = useStackedRows();
  if (stacked) {
    return (
      <Stack gap={0} data-testid="balances-table">
        {balances.map((b, index) => (
          <Box key={`${b.connectionId}:${b.asset}`} py="xs" style={stackedRowDivider(index)} data-testid="balance-row">
            <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
              <Box miw={0}>
                <Text fz="sm" fw={600}>
                  {b.asset}{' '}
                  <Text span fz="xs" c="dimmed" fw={400}>
                    {venueName(b.venue)}
                  </Text>
                </Text>
                <Text fz="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                  {b.total}
                </Text>
              </Box>
              <Stack gap={0} align="flex-end" style={{ flexShrink: 0 }}>
                <BalanceValue b={b} currency={currency} />
                <BalanceSince b={b} stale={staleOf(b)} />
              </Stack>
            </Group>
          </Box>
        ))}
      </Stack>
    );
  }
  return (
    <Table.ScrollContainer minWidth={640} type="native">
      <Table fz="sm" layout="fixed" data-testid="balances-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Venue</Table.Th>
            <Table.Th w={90}>Asset</Table.Th>
            <Table.Th ta="right">Total</Table.Th>
            <Table.Th ta="right" w={150}>
              Value{currency ? ` (${currency})` : ''}
            </Table.Th>
            <Table.Th w={210}>Since</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {balances.map((b) => (
            <Table.Tr key={`${b.connectionId}:${b.asset}`} data-testid="balance-row">
              <Table.Td>{venueName(b.venue)}</Table.Td>
              <Table.Td fw={600}>{b.asset}</Table.Td>
              <Table.Td ta="right" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                {b.total}
              </Table.Td>
              <Table.Td ta="right">
                <BalanceValue b={b} currency={currency} />
              </Table.Td>
              <Table.Td>
                <BalanceSince b={b} stale={staleOf(b)} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
