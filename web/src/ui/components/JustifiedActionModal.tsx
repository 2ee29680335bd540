import { Button, Group, Modal, Stack } from '@mantine/core';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { errorMessageOf, hasErrorCode } from '../lib/errorCodes';
import { validateJustification } from '../lib/validateJustification';
import { ErrorAlert } from './ErrorAlert';
import { JustificationField } from './JustificationField';

type JustifiedActionModalProps = {
  opened: boolean;
  onClose: () => void;
  title: string;
  confirmLabel: string;
  color?: string;
  /** Extra fields (role picker, user form…); the justification always comes last. */
  children?: ReactNode;
  canSubmit?: boolean;
  size?: string;
  /** Runs the admin write; throw to keep the dialog open and show the error. */
  onConfirm: (justification: string) => Promise<void>;
};

function adminWriteMessage(error: unknown): string {
  if (hasErrorCode(error, 'MFA_REQUIRED')) return 'This change needs MFA verification. Verify, then try again.';
  if (hasErrorCode(error, 'FORBIDDEN')) return 'Access denied: your role cannot make this change. The attempt was logged.';
  return errorMessageOf(error);
}

/** Every admin write asks "why" first; the server stores the answer in the admin audit log. */
export function JustifiedActionModal(props: JustifiedActionModalProps) {
  const { opened, onClose, title, confirmLabel, color, children, canSubmit = true, size = 'md', onConfirm } = props;
  const [justification, setJustification] = useState('');
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (opened) {
      setJustification('');
      setTouched(false);
      setError(null);
    }
  }, [opened]);

  const invalid = validateJustification(justification);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (invalid || !canSubmit) return;
    setBusy(true);
    setError(null);
    try {
      await onConfirm(justification.trim());
      onClose();
    } catch (err) {
      setError(adminWriteMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size} data-testid="justified-action-modal">
      <form onSubmit={(e) => void submit(e)}>
        <Stack gap="md">
          <ErrorAlert message={error} testId="action-error" />
          {children}
          <JustificationField value={justification} onChange={setJustification} error={touched ? invalid : null} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" color={color} loading={busy} disabled={!canSubmit} data-testid="action-confirm">
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
