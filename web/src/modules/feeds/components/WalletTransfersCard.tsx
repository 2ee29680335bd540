import { useQuery } from '@apollo/client/react';
import { Box, Group, Stack, Table, Text } from '@mantine/core';
import { WalletTransfersDocument, type WalletTransfersQuery } from '@/generated/graphql';
import { formatDateTime } from '@/ui/lib/formatDateTime';
import { useCursorPager } from '@/ui/hooks/useCursorPager';
import { stackedRowDivider, useStackedRows } from '@/ui/hooks/useStackedRows';
import { useChainNames } from '../hooks/useChainNames';
import { shortAddress, unitsText } from '../lib/walletAddress';
import { ActivityBadge } from './ActivityBadge';
import { AmountText } from './AmountText';
import { PagedListCard } from './PagedListCard';
import { WalletAddress } from './WalletAddress';

const PAGE_SIZE = 25;

type Transfer = WalletTransfersQuery['walletTransfers']['nodes'][number];
type ListProps = { transfers: readonly Transfer[]; chainName: (chainId: number) => string };

const DIRECTION_COLOR: Record<string, string> = { in: 'teal', out: 'orange', self: 'gray' };

/** Whole tokens and the token's symbol; raw units and the contract where CHAINS no longer lists it. */
function TokenAmount({ t }: { t: Transfer }) {
  const known = t.symbol != null && t.decimals != null;
  return (
    <AmountText
      amount={known ? unitsText(t.amount, t.decimals!) : t.amount}
      asset={known ? t.symbol! : `units of ${shortAddress(t.tokenAddress)}`}
      testId="wallet-transfer-amount"
    />
  );
}

/** The other side of the transfer: the sender of what came in, the receiver of what went out. */
function Counterparty({ t }: { t: Transfer }) {
  if (t.direction === 'self') {
    return (
      <Text fz="xs" c="dimmed">
        to itself
      </Text>
    );
  }
  return (
    <Stack gap={0}>
      <Text fz={11} c="dimmed">
        {t.direction === 'in' ? 'from' : 'to'}
      </Text>
      <WalletAddress address={t.direction === 'in' ? t.fromAddress : t.toAddress} fz="xs" testId="wallet-transfer-counterparty" />
    </Stack>
  );
}

const DirectionBadge = ({ direction }: { direction: string }) => (
  <ActivityBadge label={direction} color={DIRECTION_COLOR[direction] ?? 'gray'} />
);

/** Token transfers in and out of an employee's wallets, past each chain's confirmation depth, newest first. */
export function WalletTransfersCard({ employeeId }: { employeeId: string }) {
  const chainName = useChainNames();
  const stacked = useStackedRows();
  const pager = useCursorPager();
  const { data, previousData, error, loading, refetch } = useQuery(WalletTransfersDocument, {
    variables: { employeeId, first: PAGE_SIZE, after: pager.after },
  });
  const page = (data ?? previousData)?.walletTransfers;
  return (
    <PagedListCard
      title="Wallet transfers"
      description="Token transfers in and out of the employee’s wallets, read from each chain once they are past its confirmation depth."
      testId="wallet-transfers"
      page={page}
      error={error}
      onRetry={() => void refetch()}
      loading={loading}
      pager={pager}
      empty="No token transfers recorded. Each wallet poll reads the configured tokens’ transfers since the wallet was added."
    >
      {page &&
        (stacked ? (
          <WalletTransferCards transfers={page.nodes} chainName={chainName} />
        ) : (
          <WalletTransferRows transfers={page.nodes} chainName={chainName} />
        ))}
    </PagedListCard>
  );
}

function WalletTransferCards({ transfers, chainName }: ListProps) {
  return (
    <Stack gap={0} data-testid="wallet-transfers-table">
      {transfers.map((t, index) => (
        <Box key={t.id} py="xs" style={stackedRowDivider(index)} data-testid="wallet-transfer-row">
          <Group gap={6} wrap="nowrap">
            <DirectionBadge direction={t.direction} />
            <TokenAmount t={t} />
          </Group>
          <Text fz="xs" c="dimmed" mt={2}>
            {formatDateTime(t.blockTime)} · {chainName(t.chainId)} · wallet {shortAddress(t.walletAddress)}
          </Text>
          <Counterparty t={t} />
          <Group gap={4} wrap="nowrap">
            <Text fz="xs" c="dimmed">
              block {t.blockNumber} · tx
            </Text>
            <WalletAddress address={t.txHash} what="transaction hash" fz="xs" testId="wallet-transfer-tx" />
          </Group>
        </Box>
      ))}
    </Stack>
  );
}

function WalletTransferRows({ transfers, chainName }: ListProps) {
  return (
    // Fits the employee page's holdings column (about 660 px): chain and wallet ride under the time.
    <Table.ScrollContainer minWidth={620} type="native">
      <Table fz="sm" striped layout="fixed" data-testid="wallet-transfers-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={150}>Time · wallet</Table.Th>
            <Table.Th w={56}>Way</Table.Th>
            <Table.Th>Amount</Table.Th>
            <Table.Th>Counterparty</Table.Th>
            <Table.Th w={128}>Transaction</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {transfers.map((t) => (
            <Table.Tr key={t.id} data-testid="wallet-transfer-row">
              <Table.Td>
                <Text fz="xs">{formatDateTime(t.blockTime)}</Text>
                <Text fz={11} c="dimmed" title={t.walletAddress}>
                  {chainName(t.chainId)} · {shortAddress(t.walletAddress)}
                </Text>
              </Table.Td>
              <Table.Td>
                <DirectionBadge direction={t.direction} />
              </Table.Td>
              <Table.Td>
                <TokenAmount t={t} />
              </Table.Td>
              <Table.Td>
                <Counterparty t={t} />
              </Table.Td>
              <Table.Td>
                <WalletAddress address={t.txHash} what="transaction hash" fz="xs" testId="wallet-transfer-tx" />
                <Text fz={11} c="dimmed">
                  block {t.blockNumber}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
