import { useMutation } from '@apollo/client/react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { type EmployeeFieldsFragment, RequireReonboardingDocument } from '@/generated/graphql';
import { ErrorAlert } from '@/ui/components/ErrorAlert';
import { errorMessageOf, hasErrorCode } from '@/ui/lib/errorCodes';
import { notifySuccess } from '@/ui/lib/notifySuccess';
import { validateStatusNote } from '../lib/validateStatusNote';

type RequireReonboardingModalProps = { employee: EmployeeFieldsFragment | null; onClose: () => void };

/** A compliance decision, not an admin write: it needs a note, not a justification or MFA. */
export function RequireReonboardingModal({ employee, onClose }: RequireReonboardingModalProps) {
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [requireReonboarding, { loading }] = useMutation(RequireReonboardingDocument);

  useEffect(() => {
    setNote('');
    setNoteError(null);
    setError(null);
  }, [employee]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!employee) return;
    const invalid = validateStatusNote(note);
    setNoteError(invalid);
    if (invalid) return;
    setError(null);
    try {
      await requireReonboarding({ variables: { id: employee.id, note: note.trim() } });
      notifySuccess('Re-onboarding required', `${employee.name} counts as active again once a fresh verified key is in.`);
      onClose();
    } catch (err) {
      setError(
        hasErrorCode(err, 'FORBIDDEN')
          ? 'Access denied: your role cannot require re-onboarding. The attempt was logged.'
          : errorMessageOf(err),
      );
    }
  };

  return (
    <Modal opened={employee !== null} onClose={onClose} title="Require re-onboarding" size="md">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <ErrorAlert message={error} testId="reonboarding-error" />
          <Text fz="sm">
            {employee?.name ?? 'The employee'} will show as “Needs re-onboarding” until they connect a fresh, verified read-only
            key. Use it when a key looks wrong, was shared, or its scope is in doubt.
          </Text>
          <Textarea
            label="Note"
            description="Why re-onboarding is needed. Kept on the employee’s record and in the audit log."
            placeholder="e.g. Binance key shows a withdrawal permission in the venue’s settings"
            required
            autosize
            minRows={2}
            maxRows={5}
            value={note}
            onChange={(e) => {
              setNote(e.currentTarget.value);
              setNoteError(null);
            }}
            error={noteError}
            data-testid="reonboarding-note"
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={loading}>
              Cancel
            </Button>
            <Button type="submit" color="orange" loading={loading} data-testid="reonboarding-confirm">
              Require re-onboarding
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
