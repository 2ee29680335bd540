import { Group, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { TransferFilterForm, TransferKind } from '../lib/transferFilters';
import { DateRangeFields } from './DateRangeFields';

type TransferFiltersProps = { value: TransferFilterForm; onChange: (next: TransferFilterForm) => void };

const KINDS = [
  { value: 'deposit', label: 'Deposits' },
  { value: 'withdrawal', label: 'Withdrawals' },
];

const kindOf = (value: string | null): TransferKind | null => (value === 'deposit' || value === 'withdrawal' ? value : null);

export function TransferFilters({ value, onChange }: TransferFiltersProps) {
  return (
    <Group gap="xs" wrap="wrap" align="flex-end">
      <Select
        size="xs"
        w={140}
        label="Kind"
        placeholder="Both"
        clearable
        data={KINDS}
        value={value.kind}
        onChange={(kind) => onChange({ ...value, kind: kindOf(kind) })}
        data-testid="transfers-kind"
      />
      <TextInput
        size="xs"
        w={130}
        label="Asset"
        placeholder="e.g. ETH"
        leftSection={<IconSearch size={14} />}
        value={value.asset}
        onChange={(e) => onChange({ ...value, asset: e.currentTarget.value })}
        data-testid="transfers-asset"
      />
      <DateRangeFields value={value} onChange={onChange} testIdPrefix="transfers" />
    </Group>
  );
}
