import { useQuery } from '@apollo/client/react';
import { Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { hasPermission } from '@/app/permissions/hasPermission';
import { EmployeePredictionsDocument, type EmployeePredictionsQuery } from '@/generated/graphql';
import { QueryErrorState } from '@/ui/components/QueryErrorState';
import { TableSkeleton } from '@/ui/components/TableSkeleton';
import { formatDateTime } from '@/ui/lib/formatDateTime';

type WalletPredictions = EmployeePredictionsQuery['employeePredictions'][number];

type PredictionsCardProps = { employeeId: string; permissions: readonly string[] };

const REFRESH_MS = 60_000;

const shortAddress = (address: string) => `${address.slice(0, 6)}…${address.slice(-4)}`;

/** "as of …", or "stale since …" when reading the wallet's positions is failing (the last ones stay). */
function WalletHeading({ wallet }: { wallet: WalletPredictions }) {
  return (
    <Group gap="xs" justify="space-between" wrap="wrap">
      <Text fz="sm" fw={600} title={wallet.address}>
        {wallet.label || shortAddress(wallet.address)}{' '}
        <Text span fz="xs" c="dimmed" ff="monospace">
          {shortAddress(wallet.address)}
        </Text>
      </Text>
      {wallet.failingSince ? (
        <Badge color="orange" variant="light" title={wallet.lastError ?? undefined} data-testid="predictions-stale">
          Stale since {formatDateTime(wallet.failingSince)}
        </Badge>
      ) : wallet.asOf ? (
        <Text fz="xs" c="dimmed">
          As of {formatDateTime(wallet.asOf)}
        </Text>
      ) : null}
    </Group>
  );
}

function PositionsTable({ wallet }: { wallet: WalletPredictions }) {
  return (
    <Table.ScrollContainer minWidth={560} type="native">
      <Table fz="sm" layout="fixed" data-testid="predictions-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Market</Table.Th>
            <Table.Th w={90}>Outcome</Table.Th>
            <Table.Th w={110} ta="right">
              Shares
            </Table.Th>
            <Table.Th w={90} ta="right">
              Avg price
            </Table.Th>
            <Table.Th w={110} ta="right">
              Value (USDC)
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {wallet.positions.map((p) => (
            <Table.Tr key={p.asset} data-testid="prediction-row">
              <Table.Td>
                <Text fz="sm" truncate="end" title={p.market}>
                  {p.market}
                </Text>
              </Table.Td>
              <Table.Td>{p.outcome}</Table.Td>
              <Table.Td ta="right" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                {p.size}
              </Table.Td>
              <Table.Td ta="right" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                {p.avgPrice}
              </Table.Td>
              <Table.Td ta="right" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                {p.currentValue}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function PredictionsBody({ employeeId }: { employeeId: string }) {
  const { data, error, refetch } = useQuery(EmployeePredictionsDocument, {
    variables: { employeeId },
    pollInterval: REFRESH_MS,
  });
  if (error && !data) return <QueryErrorState error={error} onRetry={() => void refetch()} />;
  if (!data) return <TableSkeleton rows={2} />;
  const holding = data.employeePredictions.filter((w) => w.positions.length > 0);
  const failing = data.employeePredictions.filter((w) => w.failingSince !== null && w.positions.length === 0);
  return (
    <Stack gap="md">
      {holding.length === 0 && (
        <Stack gap={2} data-testid="predictions-empty">
          <Text fz="sm">No prediction-market positions for this employee&rsquo;s wallets.</Text>
          <Text fz="xs" c="dimmed">
            {data.employeePredictions.length === 0
              ? 'The employee has added no wallet yet. Positions held by a wallet’s address show here after its first poll.'
              : data.employeePredictions.every((w) => w.lastSuccessAt === null && w.failingSince === null)
                ? 'No positions have been read for their wallets yet: positions are read with each wallet poll where prediction markets are enabled.'
                : 'Every poll of their wallets asks Polymarket about each address; none holds a position now.'}
          </Text>
        </Stack>
      )}
      {holding.map((wallet) => (
        <Stack key={wallet.walletId} gap={4} data-testid="predictions-wallet">
          <WalletHeading wallet={wallet} />
          <PositionsTable wallet={wallet} />
        </Stack>
      ))}
      {failing.map((wallet) => (
        <Text key={wallet.walletId} fz="xs" c="orange.8" data-testid="predictions-failing">
          Positions of {shortAddress(wallet.address)} could not be read since {formatDateTime(wallet.failingSince!)}
          {wallet.lastError ? `: ${wallet.lastError}` : ''}.
        </Text>
      ))}
    </Stack>
  );
}

/**
 * Prediction-market positions held by the employee's wallets, for readers whose role includes
 * predictions (Viewer's does not: the section is not shown). The server checks every request too.
 */
export function PredictionsCard({ employeeId, permissions }: PredictionsCardProps) {
  if (!hasPermission(permissions, 'predictions:read')) return null;
  return (
    <Paper withBorder p="lg" mt="md" data-testid="predictions-card">
      <Stack gap="sm">
        <Stack gap={2}>
          <Title order={5}>Predictions</Title>
          <Text fz="xs" c="dimmed">
            Polymarket positions held by the employee’s wallet addresses, read with every wallet poll. A failed read never
            overwrites the last positions; they are marked stale.
          </Text>
        </Stack>
        <PredictionsBody employeeId={employeeId} />
      </Stack>
    </Paper>
  );
}
