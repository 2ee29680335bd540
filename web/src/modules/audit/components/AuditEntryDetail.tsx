import { Code, SimpleGrid, Stack, Text } from '@mantine/core';
import { formatDateTime } from '@/ui/lib/formatDateTime';
import { type AuditRow, auditEntryFields, type EntryField } from '../lib/auditEntryFields';
import { AuditOutcomeBadge } from './AuditOutcomeBadge';

// Long values (hashes, ids, JSON) get a row of their own instead of squeezing into a column.
const LONG_VALUE = 40;

function FieldValue({ field, entry }: { field: EntryField; entry: AuditRow }) {
  switch (field.kind) {
    case 'outcome':
      return <AuditOutcomeBadge outcome={entry.outcome} />;
    case 'json':
      return (
        <Code block fz="xs">
          {field.value}
        </Code>
      );
    case 'mono':
      return <span className="vigil-mono">{field.value}</span>;
    case 'text':
      return field.value;
  }
}

function Field({ field, entry }: { field: EntryField; entry: AuditRow }) {
  return (
    <Stack gap={2} data-testid="audit-entry-field" data-label={field.label}>
      <Text fz={11} c="dimmed" tt="uppercase" fw={600}>
        {field.label}
      </Text>
      <Text fz="sm" component="div" style={{ overflowWrap: 'anywhere' }}>
        <FieldValue field={field} entry={entry} />
      </Text>
    </Stack>
  );
}

/** One audit entry, field by field: only the fields that apply to it. */
export function AuditEntryDetail({ entry }: { entry: AuditRow }) {
  const fields = auditEntryFields(entry, formatDateTime);
  const short = fields.filter((f) => f.kind !== 'json' && f.value.length <= LONG_VALUE);
  const long = fields.filter((f) => !short.includes(f));
  return (
    <Stack gap="md" data-testid="audit-entry-detail">
      <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }} spacing="sm" verticalSpacing="sm">
        {short.map((field) => (
          <Field key={field.label} field={field} entry={entry} />
        ))}
      </SimpleGrid>
      {long.map((field) => (
        <Field key={field.label} field={field} entry={entry} />
      ))}
    </Stack>
  );
}
