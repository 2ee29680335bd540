import { useQuery } from '@apollo/client/react';
import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { ConnectionsDocument, EmployeeBalancesDocument } from '@/generated/graphql';
import { QueryErrorState } from '@/ui/components/QueryErrorState';
import { TableSkeleton } from '@/ui/components/TableSkeleton';
import { formatDateTime } from '@/ui/lib/formatDateTime';
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
                {data.employeeBalances.map((b) => {
                  const stale = staleText(connectionOf(b.connectionId), b.fetchedAt);
                  return (
                    <Table.Tr key={`${b.connectionId}:${b.asset}`} data-testid="balance-row">
                      <Table.Td>{venueName(b.venue)}</Table.Td>
                      <Table.Td fw={600}>{b.asset}</Table.Td>
                      <Table.Td ta="right" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                        {b.total}
                      </Table.Td>
                      <Table.Td ta="right">
                        {b.value !== null && b.value !== undefined ? (
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
                          // No price from the pricing venue: said so, never shown as 0.
                          <Text fz="xs" c="dimmed" data-testid="balance-unpriced">
                            unpriced
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {stale ? (
                          <Text fz="xs" c="orange.8" fw={600} data-testid="balance-stale">
                            {stale}
                          </Text>
                        ) : (
                          <Text fz="xs" c="dimmed">
                            {formatDateTime(b.fetchedAt)}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
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
