import { useQuery } from '@apollo/client/react';
import { Divider, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { WalletsDocument, type WalletFieldsFragment } from '@/generated/graphql';
import { QueryErrorState } from '@/ui/components/QueryErrorState';
import { TableSkeleton } from '@/ui/components/TableSkeleton';
import { useChainNames } from '../hooks/useChainNames';
import { useNow } from '../hooks/useNow';
import { byWalletAttention } from '../lib/walletHealth';
import { AddWalletForm } from './AddWalletForm';
import { HEALTH_REFRESH_MS } from './ConnectionsCard';
import { RemoveWalletModal } from './RemoveWalletModal';
import { WalletSummary } from './WalletSummary';

/** The employee's own wallets on "My holdings": add one, see each one's health, remove one. */
export function MyWalletsCard() {
  const chainName = useChainNames();
  const now = useNow(5_000);
  const [removing, setRemoving] = useState<WalletFieldsFragment | null>(null);
  const { data, error, refetch } = useQuery(WalletsDocument, {
    variables: { employeeId: null },
    pollInterval: HEALTH_REFRESH_MS,
  });
  const wallets = data ? [...data.wallets].sort(byWalletAttention) : null;
  return (
    <Paper withBorder p="lg" data-testid="my-wallets-card">
      <Stack gap="sm">
        <Stack gap={2}>
          <Title order={5}>Wallets</Title>
          <Text fz="xs" c="dimmed">
            Addresses you hold on the chains your organization watches, read on a schedule.
          </Text>
        </Stack>
        {error && !data ? (
          <QueryErrorState error={error} onRetry={() => void refetch()} />
        ) : !wallets ? (
          <TableSkeleton rows={2} />
        ) : wallets.length === 0 ? (
          <Text fz="sm" c="dimmed" data-testid="wallets-empty">
            You have not added a wallet yet.
          </Text>
        ) : (
          wallets.map((w) => (
            <WalletSummary key={w.id} wallet={w} chainName={chainName(w.chainId)} now={now} onRemove={() => setRemoving(w)} />
          ))
        )}
        <Divider label="Add a wallet" labelPosition="left" />
        <AddWalletForm />
      </Stack>
      <RemoveWalletModal
        wallet={removing}
        chainName={removing ? chainName(removing.chainId) : ''}
        onClose={() => setRemoving(null)}
      />
    </Paper>
  );
}
