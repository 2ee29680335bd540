import { Button, PasswordInput, Stack } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '@/ui/components/ErrorAlert';
import { useValidatedForm } from '@/ui/hooks/useValidatedForm';
import { PASSWORD_MIN_LENGTH } from '@/ui/lib/passwordPolicy';
import { type ChosenPasswordForm, validateChosenPassword } from '../lib/validateChosenPassword';

type ChoosePasswordFormProps = {
  email: string;
  /** The form is shown but switched off (no HTTPS): nothing can be typed or sent. */
  disabled: boolean;
  /** Makes the account; throws a message to show when it cannot. */
  onSubmit: (password: string) => Promise<void>;
};

const EMPTY: ChosenPasswordForm = { password: '', repeat: '' };

export function ChoosePasswordForm({ email, disabled, onSubmit }: ChoosePasswordFormProps) {
  const { form, validateAll, textInputProps } = useValidatedForm(EMPTY, validateChosenPassword);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Beyond the hook's checks: a switched-off form (no HTTPS) neither scolds nor sends.
    if (disabled || !validateAll()) return;
    setBusy(true);
    setError(null);
    try {
      await onSubmit(form.password);
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Your account could not be made. Try again.');
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="choose-password-form">
      <Stack gap="sm">
        <ErrorAlert message={error} testId="choose-password-error" />
        {/* The sign-in name, for a password manager to save the new password under (shown above already). */}
        <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
        <PasswordInput
          label="Choose a password"
          description={`At least ${PASSWORD_MIN_LENGTH} characters; a passphrase of several words is easiest to remember.`}
          autoComplete="new-password"
          required
          disabled={disabled}
          {...textInputProps('password')}
          data-testid="onboarding-password"
        />
        <PasswordInput
          label="Repeat the password"
          autoComplete="new-password"
          required
          disabled={disabled}
          {...textInputProps('repeat')}
          data-testid="onboarding-password-repeat"
        />
        <Button type="submit" loading={busy} disabled={disabled} fullWidth mt="xs" data-testid="onboarding-submit">
          Create my account
        </Button>
      </Stack>
    </form>
  );
}
