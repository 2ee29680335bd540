import { useQuery } from '@apollo/client/react';
import { Paper, Stack, Text, Title } from '@mantine/core';
import { WalletHealthDocument } from '@/generated/graphql';
import { QueryErrorState } from '@/ui/components/QueryErrorState';
import { TableSkeleton } from '@/ui/components/TableSkeleton';
import { useChainNames } from '../hooks/useChainNames';
import { byWalletAttention } from '../lib/walletHealth';
import { HEALTH_REFRESH_MS } from './ConnectionsCard';
import { WalletHealthTable } from './WalletHealthTable';

/** The wallets section of the feed-health page. */
export function WalletFeedHealth({ now, linkEmployees }: { now: number; linkEmployees: boolean }) {
  const chainName = useChainNames();
  const { data, error, refetch } = useQuery(WalletHealthDocument, { pollInterval: HEALTH_REFRESH_MS });
  const rows = data ? [...data.walletHealth].sort(byWalletAttention) : null;
  const failing = rows?.filter((r) => r.failingSince !== null).length ?? 0;
  return (
    <Stack gap="xs" mt="lg" data-testid="wallet-feed-health">
      <Title order={4}>Wallets</Title>
      {rows && rows.length > 0 && (
        <Text fz="sm" data-testid="wallet-health-summary">
          {rows.length} {rows.length === 1 ? 'wallet' : 'wallets'} ·{' '}
          <Text span c={failing > 0 ? 'orange.8' : undefined} fw={failing > 0 ? 600 : undefined}>
            {failing} failing
          </Text>
        </Text>
      )}
      {error && !data ? (
        <QueryErrorState error={error} onRetry={() => void refetch()} />
      ) : (
        <Paper withBorder>
          {!rows ? (
            <TableSkeleton />
          ) : rows.length === 0 ? (
            <Text fz="sm" c="dimmed" p="lg" data-testid="wallet-health-empty">
              No wallets to watch yet. A wallet appears here once an employee adds one from their “My holdings” page.
            </Text>
          ) : (
            <WalletHealthTable rows={rows} chainName={chainName} now={now} linkEmployees={linkEmployees} />
          )}
        </Paper>
      )}
    </Stack>
  );
}
