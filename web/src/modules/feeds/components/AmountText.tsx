import { Text } from '@mantine/core';

/** "0.25 BTC": the amount as the venue or chain gave it, the asset in bold; long amounts wrap, never spill. */
export function AmountText({ amount, asset, testId }: { amount: string; asset: string; testId?: string }) {
  return (
    <Text fz="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }} data-testid={testId}>
      {amount}{' '}
      <Text span fw={600} fz="sm" ff="inherit">
        {asset}
      </Text>
    </Text>
  );
}
