import { TextInput } from '@mantine/core';
import type { DateWindowForm } from '../lib/dateWindow';

type DateRangeFieldsProps<F extends DateWindowForm> = { value: F; onChange: (next: F) => void; testIdPrefix: string };

/** "From" and "To" day pickers of a list's filters (whole days, the end day included). */
export function DateRangeFields<F extends DateWindowForm>({ value, onChange, testIdPrefix }: DateRangeFieldsProps<F>) {
  return (
    <>
      <TextInput
        size="xs"
        w={150}
        type="date"
        label="From"
        value={value.fromDate}
        onChange={(e) => onChange({ ...value, fromDate: e.currentTarget.value })}
        data-testid={`${testIdPrefix}-from`}
      />
      <TextInput
        size="xs"
        w={150}
        type="date"
        label="To"
        value={value.toDate}
        onChange={(e) => onChange({ ...value, toDate: e.currentTarget.value })}
        data-testid={`${testIdPrefix}-to`}
      />
    </>
  );
}
