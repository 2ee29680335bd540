import { Code, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatDateTime } from '@/ui/lib/formatDateTime';
import { AuditOutcomeBadge } from './AuditOutcomeBadge';
import type { AuditRow } from './AuditTable';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text fz={11} c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz="sm" component="div" style={{ wordBreak: 'break-all' }}>
        {children ?? '—'}
      </Text>
    </Stack>
  );
}

export function AuditEntryModal({ entry, onClose }: { entry: AuditRow | null; onClose: () => void }) {
  return (
    <Modal opened={entry !== null} onClose={onClose} title={entry ? `Audit entry #${entry.seq}` : ''} size="xl">
      {entry && (
        <Stack gap="md">
          <SimpleGrid cols={3} spacing="sm">
            <Field label="Time">{formatDateTime(entry.at)}</Field>
            <Field label="Action">
              <span className="vigil-mono">{entry.action}</span>
            </Field>
            <Field label="Outcome">
              <AuditOutcomeBadge outcome={entry.outcome} />
            </Field>
            <Field label="Actor">{`${entry.actorType}${entry.actorId ? ` · ${entry.actorId}` : ''}`}</Field>
            <Field label="Actor role">{entry.actorRole}</Field>
            <Field label="System source">{entry.systemSource}</Field>
            <Field label="Resource">
              {entry.resourceType ? `${entry.resourceType}${entry.resourceId ? `:${entry.resourceId}` : ''}` : null}
            </Field>
            <Field label="Deal">{entry.dealId}</Field>
            <Field label="IP address">{entry.ipAddress}</Field>
          </SimpleGrid>
          <Field label="Entry hash">
            <span className="vigil-mono">{entry.hash}</span>
          </Field>
          <div>
            <Text fz={11} c="dimmed" tt="uppercase" fw={600} mb={4}>
              Details
            </Text>
            <Code block fz="xs">
              {JSON.stringify(entry.details, null, 2)}
            </Code>
          </div>
        </Stack>
      )}
    </Modal>
  );
}
