import { useMutation } from '@apollo/client/react';
import { Button, Group, Paper, PasswordInput, Stack, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ChangePasswordDocument } from '@/generated/graphql';
import { useApplyAuthPayload } from '@/modules/auth';
import { ErrorAlert } from '@/ui/components/ErrorAlert';
import { useValidatedForm } from '@/ui/hooks/useValidatedForm';
import { errorMessageOf, hasErrorCode } from '@/ui/lib/errorCodes';
import { notifySuccess } from '@/ui/lib/notifySuccess';
import { PASSWORD_MIN_LENGTH } from '@/ui/lib/passwordPolicy';
import { EMPTY_PASSWORD_FORM, validatePasswordForm } from '../lib/validatePasswordForm';

type ChangePasswordCardProps = {
  /** A password someone else set: the wording says so, and `onChanged` takes over from the notice. */
  forced?: boolean;
  onChanged?: () => void;
};

export function ChangePasswordCard({ forced = false, onChanged }: ChangePasswordCardProps) {
  const applyAuthPayload = useApplyAuthPayload();
  const { form, validateAll, reset, textInputProps } = useValidatedForm(EMPTY_PASSWORD_FORM, validatePasswordForm);
  const [error, setError] = useState<string | null>(null);
  const [changePassword, { loading }] = useMutation(ChangePasswordDocument);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!validateAll()) return;
    setError(null);
    try {
      const { data } = await changePassword({ variables: { input: { currentPassword: form.current, newPassword: form.next } } });
      if (!data) return;
      applyAuthPayload(data.changePassword);
      reset();
      if (onChanged) {
        onChanged();
        return;
      }
      notifySuccess(
        'Password changed',
        'Your other sessions were signed out. This session starts again at password only: verify with MFA before admin changes.',
      );
    } catch (err) {
      setError(
        hasErrorCode(err, 'UNAUTHENTICATED') || hasErrorCode(err, 'FORBIDDEN')
          ? 'Your current password is not correct.'
          : errorMessageOf(err),
      );
    }
  };

  return (
    <Paper withBorder p="lg">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm" maw={420}>
          <Title order={5}>{forced ? 'Choose your own password' : 'Password'}</Title>
          <ErrorAlert message={error} testId="change-password-error" />
          <PasswordInput
            label={forced ? 'Password you were given' : 'Current password'}
            autoComplete="current-password"
            required
            {...textInputProps('current')}
            data-testid="current-password"
          />
          <PasswordInput
            label="New password"
            description={`At least ${PASSWORD_MIN_LENGTH} characters; a passphrase of several words is easiest.${forced ? ' It must differ from the one you were given.' : ''}`}
            autoComplete="new-password"
            required
            {...textInputProps('next')}
            data-testid="new-password"
          />
          <PasswordInput
            label="Repeat new password"
            autoComplete="new-password"
            required
            {...textInputProps('repeat')}
            data-testid="repeat-password"
          />
          <Group>
            <Button type="submit" loading={loading} data-testid="change-password">
              {forced ? 'Save my new password' : 'Change password'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
