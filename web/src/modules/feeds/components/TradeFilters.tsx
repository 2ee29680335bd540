import { Group, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { TradeFilterForm, TradeSide } from '../lib/tradeFilters';
import { DateRangeFields } from './DateRangeFields';

type TradeFiltersProps = { value: TradeFilterForm; onChange: (next: TradeFilterForm) => void };

const SIDES = [
  { value: 'buy', label: 'Buys' },
  { value: 'sell', label: 'Sells' },
];

export function TradeFilters({ value, onChange }: TradeFiltersProps) {
  return (
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
      <DateRangeFields value={value} onChange={onChange} testIdPrefix="trades" />
    </Group>
  );
}
