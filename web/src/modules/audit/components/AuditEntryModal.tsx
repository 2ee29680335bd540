import { Modal } from '@mantine/core';
import type { AuditRow } from '../lib/auditEntryFields';
import { AuditEntryDetail } from './AuditEntryDetail';

type AuditEntryModalProps = { entry: AuditRow | null; onClose: () => void };

export function AuditEntryModal({ entry, onClose }: AuditEntryModalProps) {
  return (
    <Modal opened={entry !== null} onClose={onClose} title={entry ? `Audit entry #${entry.seq}` : ''} size="xl">
      {entry && <AuditEntryDetail entry={entry} />}
    </Modal>
  );
}
