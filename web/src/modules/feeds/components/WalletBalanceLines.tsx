import { Group, Text } from '@mantine/core';
import type { WalletBalancesQuery } from '@/generated/graphql';
import { formatDateTime } from '@/ui/lib/formatDateTime';
import { useReferenceCurrency } from '../hooks/useReferenceCurrency';
import { formatMoney } from '../lib/holdingValue';
import { unitsText } from '../lib/walletAddress';

type Line = WalletBalancesQuery['walletBalances'][number];

/** One wallet's latest balances, in whole units; marked stale while the wallet is failing. */
export function WalletBalanceLines({ lines, stale }: { lines: readonly Line[]; stale: boolean }) {
  const currency = useReferenceCurrency();
  if (lines.length === 0) {
    return (
      <Text fz="xs" c="dimmed" data-testid="wallet-balances-empty">
        No balance read yet.
      </Text>
    );
  }
  const at = lines.reduce((latest, l) => (l.at > latest ? l.at : latest), lines[0]!.at);
  return (
    <Group gap="md" wrap="wrap" data-testid="wallet-balances">
      {lines.map((l) => (
        <Text key={l.asset} fz="sm" data-testid="wallet-balance">
          <Text span ff="monospace" fz="sm">
            {unitsText(l.amount, l.decimals)}
          </Text>{' '}
          <Text span fw={600} fz="sm">
            {l.symbol}
          </Text>{' '}
          {/* Valued where the pricing venue quotes the asset; never shown as 0 when it does not. */}
          <Text span fz="xs" c="dimmed" data-testid="wallet-balance-value">
            {currency === null ? '' : l.priced && l.value !== null ? `≈ ${formatMoney(l.value, currency)}` : '(unpriced)'}
          </Text>
        </Text>
      ))}
      <Text fz="xs" c={stale ? 'orange.8' : 'dimmed'} fw={stale ? 600 : undefined}>
        {stale ? 'stale: ' : ''}as of block {lines[0]!.blockNumber}, {formatDateTime(at)}
      </Text>
    </Group>
  );
}
