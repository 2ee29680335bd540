import { useMutation } from '@apollo/client/react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { AcknowledgeAlertDocument, type AlertFieldsFragment, ResolveAlertDocument } from '@/generated/graphql';
import { ErrorAlert } from '@/ui/components/ErrorAlert';
import { errorMessageOf, hasErrorCode } from '@/ui/lib/errorCodes';
import { notifySuccess } from '@/ui/lib/notifySuccess';
import { type AlertAction, NOTE_MAX_LENGTH, noteProblem } from '../lib/alertQueue';

type AlertActionModalProps = {
  target: { alert: AlertFieldsFragment; action: AlertAction } | null;
  onClose: () => void;
  /** After a transition, or after learning someone else made one: the queue refreshes. */
  onChanged: () => void;
};

function actionErrorMessage(error: unknown): string {
  if (hasErrorCode(error, 'FORBIDDEN')) return 'Your role cannot work alerts (needs alerts:write). The attempt was logged.';
  if (hasErrorCode(error, 'NOT_FOUND')) return 'This alert no longer exists for you.';
  // CONFLICT: someone else moved it first; the server says to which status.
  return errorMessageOf(error);
}

/** Acknowledge (note optional) or resolve (note required): one dialog, one transition. */
export function AlertActionModal({ target, onClose, onChanged }: AlertActionModalProps) {
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [acknowledge] = useMutation(AcknowledgeAlertDocument);
  const [resolve] = useMutation(ResolveAlertDocument);
  const resolving = target?.action === 'resolve';

  useEffect(() => {
    setNote('');
    setNoteError(null);
    setError(null);
  }, [target]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!target) return;
    const problem = noteProblem(note, resolving);
    setNoteError(problem);
    if (problem) return;
    setBusy(true);
    setError(null);
    const text = note.trim();
    try {
      if (resolving) {
        await resolve({ variables: { id: target.alert.id, note: text } });
        notifySuccess('Alert resolved', `${target.alert.title} is resolved; your note stays with it.`);
      } else {
        await acknowledge({ variables: { id: target.alert.id, note: text || null } });
        notifySuccess('Alert acknowledged', `${target.alert.title} is acknowledged: others see you are on it.`);
      }
      onChanged();
      onClose();
    } catch (err) {
      setError(actionErrorMessage(err));
      if (hasErrorCode(err, 'CONFLICT')) onChanged();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={resolving ? 'Resolve alert' : 'Acknowledge alert'}
      data-testid="alert-action-modal"
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <ErrorAlert message={error} testId="alert-action-error" />
          <Text fz="sm" fw={500}>
            {target?.alert.title}
          </Text>
          <Text fz="xs" c="dimmed">
            {resolving
              ? 'Resolving is final: a resolved alert never reopens. The note is kept with the alert and in the audit log.'
              : 'Acknowledging tells the team someone is on it. The alert stays in the queue until it is resolved.'}
          </Text>
          <Textarea
            label={resolving ? 'How was it resolved?' : 'Note (optional)'}
            required={resolving}
            autosize
            minRows={3}
            maxRows={8}
            value={note}
            onChange={(e) => {
              setNote(e.currentTarget.value);
              setNoteError(null);
            }}
            error={noteError}
            description={`${note.trim().length} / ${NOTE_MAX_LENGTH}`}
            data-testid="alert-note"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" loading={busy} color={resolving ? 'teal' : undefined} data-testid="alert-action-confirm">
              {resolving ? 'Resolve' : 'Acknowledge'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
