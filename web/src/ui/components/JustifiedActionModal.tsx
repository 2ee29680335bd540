import { Button, Group, Modal, Stack, Tooltip } from '@mantine/core';
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
  /**
   * Why the action cannot run as the fields stand (nothing changed yet…): the confirm button is
   * disabled and its tooltip says this. Null when it can run.
   */
  blockedReason?: string | null;
  /** Checks the fields on submit and shows what is wrong next to them; false keeps the dialog open. */
  validate?: () => boolean;
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
  const { opened, onClose, title, confirmLabel, color, children, blockedReason = null, validate, size = 'md', onConfirm } = props;
  const [justification, setJustification] = useState('');
  // Set when a submit finds it wanting, cleared as soon as the person edits it.
  const [justificationError, setJustificationError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (opened) {
      setJustification('');
      setJustificationError(null);
      setError(null);
    }
  }, [opened]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (blockedReason) return;
    // Every field says what is wrong at once, the justification included.
    const invalid = validateJustification(justification);
    setJustificationError(invalid);
    const fieldsValid = validate ? validate() : true;
    if (invalid || !fieldsValid) return;
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
      {/* noValidate: the fields say what is wrong in words, not the browser's native bubbles. */}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <ErrorAlert message={error} testId="action-error" />
          {children}
          <JustificationField
            value={justification}
            onChange={(value) => {
              setJustification(value);
              setJustificationError(null);
            }}
            error={justificationError}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={busy}>
              Cancel
            </Button>
            <Tooltip label={blockedReason} disabled={!blockedReason} withinPortal>
              {/* data-disabled rather than disabled: a disabled button gets no hover, so no tooltip. */}
              <Button
                type="submit"
                color={color}
                loading={busy}
                data-disabled={blockedReason ? true : undefined}
                aria-disabled={blockedReason ? true : undefined}
                onClick={(event) => {
                  if (blockedReason) event.preventDefault();
                }}
                data-testid="action-confirm"
              >
                {confirmLabel}
              </Button>
            </Tooltip>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
