import { Button, Group, Paper, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { IconDownload, IconFilter, IconX } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { type AuditFilterForm, emptyAuditFilterForm, validateAuditFilter } from '../lib/auditFilter';

type AuditFiltersProps = {
  value: AuditFilterForm;
  onApply: (form: AuditFilterForm) => void;
  onExport: () => void;
  exporting: boolean;
};

const OUTCOMES = [
  { value: '', label: 'Any outcome' },
  { value: 'allowed', label: 'Allowed' },
  { value: 'denied', label: 'Denied' },
  { value: 'error', label: 'Error' },
];

export function AuditFilters({ value, onApply, onExport, exporting }: AuditFiltersProps) {
  const [form, setForm] = useState<AuditFilterForm>(value);
  const invalid = validateAuditFilter(form);
  const set = (patch: Partial<AuditFilterForm>) => setForm((prev) => ({ ...prev, ...patch }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!invalid) onApply(form);
  };

  return (
    <Paper withBorder p="sm" component="form" onSubmit={submit} data-testid="audit-filters">
      <SimpleGrid cols={{ base: 2, md: 3, lg: 6 }} spacing="xs">
        <TextInput
          size="xs"
          label="From"
          type="datetime-local"
          value={form.from}
          onChange={(e) => set({ from: e.currentTarget.value })}
          data-testid="filter-from"
        />
        <TextInput
          size="xs"
          label="To"
          type="datetime-local"
          value={form.to}
          onChange={(e) => set({ to: e.currentTarget.value })}
          data-testid="filter-to"
        />
        <TextInput
          size="xs"
          label="Actor ID"
          placeholder="user or key id"
          value={form.actorId}
          onChange={(e) => set({ actorId: e.currentTarget.value })}
          data-testid="filter-actor"
        />
        <TextInput
          size="xs"
          label="Resource type"
          placeholder="e.g. users"
          value={form.resourceType}
          onChange={(e) => set({ resourceType: e.currentTarget.value })}
          data-testid="filter-resource"
        />
        <TextInput
          size="xs"
          label="Action"
          placeholder="e.g. user.created"
          value={form.action}
          onChange={(e) => set({ action: e.currentTarget.value })}
          data-testid="filter-action"
        />
        <Select
          size="xs"
          label="Outcome"
          data={OUTCOMES}
          value={form.outcome}
          allowDeselect={false}
          onChange={(outcome) => set({ outcome: (outcome ?? '') as AuditFilterForm['outcome'] })}
          data-testid="filter-outcome"
        />
      </SimpleGrid>
      <Group justify="space-between" mt="xs">
        <Text fz="xs" c={invalid ? 'red' : 'dimmed'}>
          {invalid ?? 'Times are in your local time zone. The CSV export applies the time, actor and resource filters.'}
        </Text>
        <Group gap="xs">
          <Button
            size="compact-sm"
            variant="subtle"
            color="gray"
            leftSection={<IconX size={14} />}
            onClick={() => {
              setForm(emptyAuditFilterForm);
              onApply(emptyAuditFilterForm);
            }}
          >
            Clear
          </Button>
          <Button
            size="compact-sm"
            type="submit"
            leftSection={<IconFilter size={14} />}
            disabled={invalid !== null}
            data-testid="filter-apply"
          >
            Apply filters
          </Button>
          <Button
            size="compact-sm"
            variant="default"
            leftSection={<IconDownload size={14} />}
            loading={exporting}
            onClick={onExport}
            data-testid="audit-export"
          >
            Export CSV
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
