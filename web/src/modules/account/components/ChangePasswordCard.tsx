import { useMutation } from '@apollo/client/react';
import { Button, Group, Paper, PasswordInput, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { ChangePasswordDocument } from '@/generated/graphql';
import { useApplyAuthPayload } from '@/modules/auth';
import { ErrorAlert } from '@/ui/components/ErrorAlert';
import { errorMessageOf, hasErrorCode } from '@/ui/lib/errorCodes';

export function ChangePasswordCard() {
  const applyAuthPayload = useApplyAuthPayload();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [changePassword, { loading }] = useMutation(ChangePasswordDocument);

  const mismatch = repeat.length > 0 && repeat !== newPassword;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (mismatch) return;
    setError(null);
    try {
      const { data } = await changePassword({ variables: { input: { currentPassword, newPassword } } });
      if (!data) return;
      applyAuthPayload(data.changePassword);
      setCurrentPassword('');
      setNewPassword('');
      setRepeat('');
      notifications.show({ color: 'teal', title: 'Password changed', message: 'Your other sessions were signed out.' });
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
      <form onSubmit={(e) => void submit(e)}>
        <Stack gap="sm" maw={420}>
          <Title order={5}>Password</Title>
          <ErrorAlert message={error} />
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            required
            value={currentPassword}
            onChange={(e) => setCurrentPassword(e.currentTarget.value)}
            data-testid="current-password"
          />
          <PasswordInput
            label="New password"
            autoComplete="new-password"
            required
            value={newPassword}
            onChange={(e) => setNewPassword(e.currentTarget.value)}
            data-testid="new-password"
          />
          <PasswordInput
            label="Repeat new password"
            autoComplete="new-password"
            required
            value={repeat}
            onChange={(e) => setRepeat(e.currentTarget.value)}
            error={mismatch ? 'The passwords differ.' : undefined}
            data-testid="repeat-password"
          />
          <Group>
            <Button
              type="submit"
              loading={loading}
              disabled={!currentPassword || !newPassword || mismatch}
              data-testid="change-password"
            >
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
