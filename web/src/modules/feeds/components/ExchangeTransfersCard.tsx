import { useQuery } from '@apollo/client/react';
import { Box, Group, Stack, Table, Text } from '@mantine/core';
import { EmployeeTransfersDocument, type EmployeeTransfersQuery } from '@/generated/graphql';
import { formatDateTime } from '@/ui/lib/formatDateTime';
import { stackedRowDivider, useStackedRows } from '@/ui/hooks/useStackedRows';
import { useFilteredPager } from '../hooks/useFilteredPager';
import { useVenueNames } from '../hooks/useVenueNames';
import { NO_TRANSFER_FILTER, transferFilterProblem, transferFilterVariables } from '../lib/transferFilters';
import { ActivityBadge } from './ActivityBadge';
import { AmountText } from './AmountText';
import { PagedListCard } from './PagedListCard';
import { TransferFilters } from './TransferFilters';
import { WalletAddress } from './WalletAddress';

const PAGE_SIZE = 25;

type Transfer = EmployeeTransfersQuery['employeeTransfers']['nodes'][number];
type ListProps = { transfers: readonly Transfer[]; venueName: (venue: string) => string };

// A venue's transfer states in words; "ok" is the venue's "completed".
const STATUS: Record<string, { label: string; color: string }> = {
  ok: { label: 'completed', color: 'gray' },
  pending: { label: 'pending', color: 'yellow' },
  failed: { label: 'failed', color: 'red' },
  canceled: { label: 'canceled', color: 'gray' },
  unknown: { label: 'status unknown', color: 'orange' },
};

/** What moved into or out of an employee's exchange accounts, newest first, filtered and paged on the server. */
export function ExchangeTransfersCard({ employeeId }: { employeeId: string }) {
  const venueName = useVenueNames();
  const stacked = useStackedRows();
  const { form, setForm, problem, variables, pager, filtered } = useFilteredPager(
    NO_TRANSFER_FILTER,
    transferFilterVariables,
    transferFilterProblem,
  );
  const { data, previousData, error, loading, refetch } = useQuery(EmployeeTransfersDocument, {
    variables: { employeeId, first: PAGE_SIZE, after: pager.after, ...variables },
    skip: problem !== null,
  });
  const page = (data ?? previousData)?.employeeTransfers;
  return (
    <PagedListCard
      title="Deposits and withdrawals"
      description="What moved into or out of the employee’s exchange accounts, as each venue reports it: a withdrawal names the address it went to."
      testId="transfers"
      filters={<TransferFilters value={form} onChange={setForm} />}
      filterProblem={problem}
      page={page}
      error={error}
      onRetry={() => void refetch()}
      loading={loading}
      pager={pager}
      empty={
        filtered
          ? 'No deposits or withdrawals match these filters.'
          : 'No deposits or withdrawals recorded. Each poll reads them from the employee’s connections.'
      }
    >
      {page &&
        (stacked ? (
          <TransferCards transfers={page.nodes} venueName={venueName} />
        ) : (
          <TransferRows transfers={page.nodes} venueName={venueName} />
        ))}
    </PagedListCard>
  );
}

const KindBadge = ({ kind }: { kind: string }) => <ActivityBadge label={kind} color={kind === 'deposit' ? 'teal' : 'orange'} />;

function StatusText({ status }: { status: string }) {
  const s = STATUS[status] ?? { label: status, color: 'gray' };
  return (
    <Text
      fz="xs"
      c={s.color === 'gray' ? 'dimmed' : `${s.color}.8`}
      fw={s.color === 'gray' ? undefined : 600}
      data-testid="transfer-status"
    >
      {s.label}
    </Text>
  );
}

/** Where it went (a withdrawal) or the account's address it arrived at (a deposit), on which network, in which transaction. */
function Destination({ t }: { t: Transfer }) {
  const where = [t.kind === 'deposit' ? 'deposit address' : 'sent to', t.network].filter(Boolean).join(' · ');
  return (
    <Stack gap={0}>
      <Text fz={11} c="dimmed">
        {where}
      </Text>
      {t.address ? (
        <WalletAddress address={t.address} fz="xs" testId="transfer-address" />
      ) : (
        <Text fz="xs" c="dimmed">
          no address given
        </Text>
      )}
      {t.txid && (
        <Text fz={11} c="dimmed" title={t.txid}>
          tx {t.txid.length > 14 ? `${t.txid.slice(0, 8)}…${t.txid.slice(-4)}` : t.txid}
        </Text>
      )}
    </Stack>
  );
}

const feeText = (t: Transfer) => (t.feeAmount && t.feeAmount !== '0' ? `fee ${t.feeAmount} ${t.feeAsset ?? ''}` : '');

/** On a phone: the kind, amount and asset first, then when, where from or to, and its state. */
function TransferCards({ transfers, venueName }: ListProps) {
  return (
    <Stack gap={0} data-testid="transfers-table">
      {transfers.map((t, index) => (
        <Box key={t.id} py="xs" style={stackedRowDivider(index)} data-testid="transfer-row">
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Group gap={6} wrap="nowrap" miw={0}>
              <KindBadge kind={t.kind} />
              <AmountText amount={t.amount} asset={t.asset} />
            </Group>
            <StatusText status={t.status} />
          </Group>
          <Text fz="xs" c="dimmed" mt={2}>
            {formatDateTime(t.happenedAt)} · {venueName(t.venue)} {feeText(t) && `· ${feeText(t)}`}
          </Text>
          <Destination t={t} />
        </Box>
      ))}
    </Stack>
  );
}

function TransferRows({ transfers, venueName }: ListProps) {
  return (
    // Fits the employee page's holdings column (about 660 px): the venue rides under the time.
    <Table.ScrollContainer minWidth={620} type="native">
      <Table fz="sm" striped layout="fixed" data-testid="transfers-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={120}>Time</Table.Th>
            <Table.Th w={104}>Kind</Table.Th>
            <Table.Th ta="right">Amount</Table.Th>
            <Table.Th>Address</Table.Th>
            <Table.Th w={88}>Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {transfers.map((t) => (
            <Table.Tr key={t.id} data-testid="transfer-row">
              <Table.Td>
                <Text fz="xs">{formatDateTime(t.happenedAt)}</Text>
                <Text fz={11} c="dimmed">
                  {venueName(t.venue)}
                </Text>
              </Table.Td>
              <Table.Td>
                <KindBadge kind={t.kind} />
              </Table.Td>
              <Table.Td ta="right">
                <AmountText amount={t.amount} asset={t.asset} />
                {feeText(t) && (
                  <Text fz={11} c="dimmed" ff="monospace">
                    {feeText(t)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Destination t={t} />
              </Table.Td>
              <Table.Td>
                <StatusText status={t.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
