import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { WalletFieldsFragment } from '@/generated/graphql';
import { PollFacts } from './PollFacts';
import { WalletAddress } from './WalletAddress';
import { WalletHealthBadge } from './WalletHealthBadge';

type WalletSummaryProps = {
  wallet: WalletFieldsFragment;
  chainName: string;
  now: number;
  /** Offered on the employee's own page only. */
  onRemove?: () => void;
  /** The wallet's balances, where the reader may see them. */
  children?: ReactNode;
};

/** One wallet: where it is, whether its polls succeed, and since when they fail. */
export function WalletSummary({ wallet: w, chainName, now, onRemove, children }: WalletSummaryProps) {
  return (
    <Paper withBorder p="sm" radius="sm" data-testid="wallet" data-address={w.address}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap="xs" wrap="wrap" style={{ minWidth: 0 }}>
            <Text fw={600} fz="sm">
              {chainName}
            </Text>
            <WalletAddress address={w.address} />
            {w.label && (
              <Text fz="sm" c="dimmed" truncate="end" maw={200} title={w.label}>
                {w.label}
              </Text>
            )}
          </Group>
          <Group gap={6}>
            <WalletHealthBadge status={w.status} lastSuccessAt={w.lastSuccessAt} failingSince={w.failingSince} />
            {onRemove && (
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={14} />}
                onClick={onRemove}
                data-testid="wallet-remove"
              >
                Remove
              </Button>
            )}
          </Group>
        </Group>
        <PollFacts feed={w} now={now} testIdPrefix="wallet-" />
        {children}
      </Stack>
    </Paper>
  );
}
