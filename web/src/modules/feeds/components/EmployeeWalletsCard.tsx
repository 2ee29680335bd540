import { useQuery } from '@apollo/client/react';
import { Paper, Stack, Text, Title } from '@mantine/core';
import { hasPermission } from '@/app/permissions/hasPermission';
import { WalletBalancesDocument, WalletsDocument } from '@/generated/graphql';
import { QueryErrorState } from '@/ui/components/QueryErrorState';
import { TableSkeleton } from '@/ui/components/TableSkeleton';
import { useChainNames } from '../hooks/useChainNames';
import { useNow } from '../hooks/useNow';
import { byWalletAttention } from '../lib/walletHealth';
import { HEALTH_REFRESH_MS } from './ConnectionsCard';
import { WalletBalanceLines } from './WalletBalanceLines';
import { WalletSummary } from './WalletSummary';

type EmployeeWalletsCardProps = { employeeId: string; permissions: readonly string[] };

/** What compliance sees of one employee's wallets: where each is, its health, and (balances:read) what it holds. */
export function EmployeeWalletsCard({ employeeId, permissions }: EmployeeWalletsCardProps) {
  const chainName = useChainNames();
  const now = useNow(5_000);
  const canRead = hasPermission(permissions, 'connections:read');
  const canSeeBalances = hasPermission(permissions, 'balances:read');
  const { data, error, refetch } = useQuery(WalletsDocument, {
    variables: { employeeId },
    pollInterval: HEALTH_REFRESH_MS,
    skip: !canRead,
  });
  const { data: balances } = useQuery(WalletBalancesDocument, {
    variables: { employeeId },
    pollInterval: HEALTH_REFRESH_MS * 6,
    skip: !canSeeBalances,
  });
  if (!canRead) return null;
  const wallets = data ? [...data.wallets].sort(byWalletAttention) : null;
  return (
    <Paper withBorder p="lg" data-testid="employee-wallets-card">
      <Stack gap="sm">
        <Stack gap={2}>
          <Title order={5}>Wallets</Title>
          <Text fz="xs" c="dimmed">
            Addresses the employee added, read on a schedule past each chain’s confirmation depth.
          </Text>
        </Stack>
        {error && !data ? (
          <QueryErrorState error={error} onRetry={() => void refetch()} />
        ) : !wallets ? (
          <TableSkeleton rows={2} />
        ) : wallets.length === 0 ? (
          <Text fz="sm" c="dimmed" data-testid="employee-wallets-empty">
            No wallet added yet. The employee adds its wallets from its own “My holdings” page.
          </Text>
        ) : (
          wallets.map((w) => (
            <WalletSummary key={w.id} wallet={w} chainName={chainName(w.chainId)} now={now}>
              {canSeeBalances && balances && (
                <WalletBalanceLines
                  lines={balances.walletBalances.filter((b) => b.walletId === w.id)}
                  stale={w.failingSince !== null}
                />
              )}
            </WalletSummary>
          ))
        )}
      </Stack>
    </Paper>
  );
}
