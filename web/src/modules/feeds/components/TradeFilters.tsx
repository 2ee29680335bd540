import { Group, Select, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { TradeFilterForm, TradeSide } from '../lib/tradeFilters';

type TradeFiltersProps = { value: TradeFilterForm; onChange: (next: TradeFilterForm) => void; problem: string | null };

const SIDES = [
  { value: 'buy', label: 'Buys' },
  { value: 'sell', label: 'Sells' },
];

export function TradeFilters({ value, onChange, problem }: TradeFiltersProps) {
  return (
    <>
      <Group gap="xs" wrap="wrap" align="flex-end">
        <TextInput
          size="xs"
          w={160}
          label="Symbol"
          placeholder="e.g. BTC/USDT"
          leftSection={<IconSearch size={14} />}
          value={value.symbol}
          onChange={(e) => onChange({ ...value, symbol: e.currentTarget.value })}
          data-testid="trades-symbol"
        />
        <Select
          size="xs"
          w={120}
          label="Side"
          placeholder="Both"
          clearable
          data={SIDES}
          value={value.side}
          onChange={(side) => onChange({ ...value, side: side === 'buy' || side === 'sell' ? (side as TradeSide) : null })}
          data-testid="trades-side"
        />
        <TextInput
          size="xs"
          w={150}
          type="date"
          label="From"
          value={value.fromDate}
          onChange={(e) => onChange({ ...value, fromDate: e.currentTarget.value })}
          data-testid="trades-from"
        />
        <TextInput
          size="xs"
          w={150}
          type="date"
          label="To"
          value={value.toDate}
          onChange={(e) => onChange({ ...value, toDate: e.currentTarget.value })}
          data-testid="trades-to"
        />
      </Group>
      {problem && (
        <Text fz="xs" c="red" data-testid="trades-filter-problem">
          {problem}
        </Text>
      )}
    </>
  );
}
