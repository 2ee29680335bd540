import { Autocomplete, Button, Collapse, Group, Paper, Select, SimpleGrid, Switch, Text, TextInput } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconDownload, IconFilter, IconX } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useStackedRows } from '@/ui/hooks/useStackedRows';
import { useAuditVocabulary } from '../hooks/useAuditVocabulary';
import { type AuditFilterForm, emptyAuditFilterForm, toAuditFilter, validateAuditFilter } from '../lib/auditFilter';
import { AuditActorPicker } from './AuditActorPicker';

type AuditFiltersProps = {
  value: AuditFilterForm;
  onApply: (form: AuditFilterForm) => void;
  onExport: () => void;
  exporting: boolean;
};

/**
 * The six fields in whole rows, never one left alone on a line: three by three from 992 px (at
 * 1280-1366 px that is two rows of about 300 px, "when" and "who" above, "what" below), two by two
 * on a tablet, one above the other on a phone. A date-time input needs about 205 px for
 * "mm/dd/yyyy, --:-- --" and its picker icon, which every column here leaves it.
 */
export const AUDIT_FILTER_COLUMNS = { base: 1, xs: 2, md: 3 } as const;

// Filters that differ only in field, label and test id come from one list per kind, so each pair
// cannot drift apart; the other filters each have options of their own and stay written out.
type BoundControl<F extends keyof AuditFilterForm> = { field: F; label: string; testId: string };

const TIME_BOUNDS: BoundControl<'from' | 'to'>[] = [
  { field: 'from', label: 'From', testId: 'filter-from' },
  { field: 'to', label: 'To', testId: 'filter-to' },
];

const WRITE_SWITCHES: BoundControl<'writesOnly' | 'adminWritesOnly'>[] = [
  { field: 'writesOnly', label: 'Writes only (hide reads)', testId: 'filter-writes-only' },
  { field: 'adminWritesOnly', label: 'Admin writes only (with their justification)', testId: 'filter-admin-writes-only' },
];

const OUTCOMES = [
  { value: '', label: 'Any outcome' },
  { value: 'allowed', label: 'Allowed' },
  { value: 'denied', label: 'Denied' },
  { value: 'error', label: 'Error' },
];

/**
 * The filters. On a phone they fold away behind one line saying how many are applied (the six
 * fields one above the other filled a whole screen before the first entry); the export stays in
 * view, and applying folds them again so the entries show.
 */
export function AuditFilters({ value, onApply, onExport, exporting }: AuditFiltersProps) {
  const [form, setForm] = useState<AuditFilterForm>(value);
  const stacked = useStackedRows();
  const [unfolded, setUnfolded] = useState(false);
  const invalid = validateAuditFilter(form);
  const set = (patch: Partial<AuditFilterForm>) => setForm((prev) => ({ ...prev, ...patch }));
  const applied = Object.keys(toAuditFilter(value)).length;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (invalid) return;
    onApply(form);
    setUnfolded(false);
  };
  const exportButton = (
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
  );

  return (
    <Paper withBorder p="sm" component="form" onSubmit={submit} data-testid="audit-filters">
      {stacked && (
        <Group justify="space-between" gap="xs" mb={unfolded ? 'xs' : 0}>
          <Button
            size="compact-sm"
            variant="subtle"
            leftSection={<IconFilter size={14} />}
            rightSection={unfolded ? <IconChevronUp size={14} /> : <IconChevronDown size={14} />}
            onClick={() => setUnfolded((u) => !u)}
            aria-expanded={unfolded}
            data-testid="audit-filters-toggle"
          >
            {applied === 0 ? 'Filters: none' : `Filters: ${applied} applied`}
          </Button>
          {!unfolded && exportButton}
        </Group>
      )}
      <Collapse expanded={!stacked || unfolded}>
        <AuditFilterFields form={form} set={set} />
        <Group justify="space-between" gap="xs" mt="xs">
          <Text fz="xs" c={invalid ? 'red' : 'dimmed'}>
            {invalid ?? 'Times are in your local time zone. The CSV export applies every filter here.'}
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
                setUnfolded(false);
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
            {exportButton}
          </Group>
        </Group>
      </Collapse>
    </Paper>
  );
}

/** The six fields and the two switches, bound to the form being edited (applied on submit). */
function AuditFilterFields({ form, set }: { form: AuditFilterForm; set: (patch: Partial<AuditFilterForm>) => void }) {
  const vocabulary = useAuditVocabulary();
  return (
    <>
      <SimpleGrid cols={AUDIT_FILTER_COLUMNS} spacing="xs" verticalSpacing="xs" data-testid="audit-filter-fields">
        {TIME_BOUNDS.map(({ field, label, testId }) => (
          <TextInput
            key={field}
            size="xs"
            label={label}
            type="datetime-local"
            value={form[field]}
            onChange={(e) => set({ [field]: e.currentTarget.value })}
            data-testid={testId}
          />
        ))}
        <AuditActorPicker
          actorId={form.actorId}
          actorLabel={form.actorLabel}
          onChange={(actorId, actorLabel) => set({ actorId, actorLabel })}
        />
        <Autocomplete
          size="xs"
          label="Resource type"
          placeholder="e.g. user"
          data={vocabulary.resourceTypes}
          clearable
          value={form.resourceType}
          onChange={(resourceType) => set({ resourceType })}
          data-testid="filter-resource"
        />
        <Autocomplete
          size="xs"
          label="Action"
          placeholder="e.g. mutation.*"
          data={vocabulary.actions}
          limit={50}
          clearable
          value={form.action}
          onChange={(action) => set({ action })}
          comboboxProps={{ width: 280, position: 'bottom-start' }}
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
      <Group gap="lg" mt="sm">
        {WRITE_SWITCHES.map(({ field, label, testId }) => (
          <Switch
            key={field}
            size="xs"
            label={label}
            checked={form[field]}
            onChange={(e) => set({ [field]: e.currentTarget.checked })}
            data-testid={testId}
          />
        ))}
      </Group>
    </>
  );
}
