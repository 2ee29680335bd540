import { Modal } from '@mantine/core';
import type { AuditRow, NameOf } from '../lib/auditEntryFields';
import { AuditEntryDetail } from './AuditEntryDetail';

type AuditEntryModalProps = { entry: AuditRow | null; nameOf: NameOf; onClose: () => void };

export function AuditEntryModal({ entry, nameOf, onClose }: AuditEntryModalProps) {
  return (
    <Modal opened={entry !== null} onClose={onClose} title={entry ? `Audit entry #${entry.seq}` : ''} size="xl">
      {entry && <AuditEntryDetail entry={entry} nameOf={nameOf} />}
    </Modal>
  );
}
