import { Button, PasswordInput, Stack } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '@/ui/components/ErrorAlert';
import { useFieldErrors } from '@/ui/hooks/useFieldErrors';
import { PASSWORD_MIN_LENGTH } from '@/ui/lib/passwordPolicy';
import { type ChosenPasswordField, type ChosenPasswordForm, validateChosenPassword } from '../lib/validateChosenPassword';

type ChoosePasswordFormProps = {
  email: string;
  /** The form is shown but switched off (no HTTPS): nothing can be typed or sent. */
  disabled: boolean;
  /** Makes the account; throws a message to show when it cannot. */
  onSubmit: (password: string) => Promise<void>;
};

const EMPTY: ChosenPasswordForm = { password: '', repeat: '' };

export function ChoosePasswordForm({ email, disabled, onSubmit }: ChoosePasswordFormProps) {
  const [form, setForm] = useState<ChosenPasswordForm>(EMPTY);
  const { errors, show, clear } = useFieldErrors<ChosenPasswordField>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (field: ChosenPasswordField, value: string) => {
    setForm((prev) => ({ ...prev, [field]: value }));
    clear(field);
  };
  const check = (field: ChosenPasswordField) => {
    if (form[field]) show({ [field]: validateChosenPassword(form)[field] });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (disabled || !show(validateChosenPassword(form))) return;
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
          value={form.password}
          onChange={(e) => set('password', e.currentTarget.value)}
          onBlur={() => check('password')}
          error={errors.password}
          data-testid="onboarding-password"
        />
        <PasswordInput
          label="Repeat the password"
          autoComplete="new-password"
          required
          disabled={disabled}
          value={form.repeat}
          onChange={(e) => set('repeat', e.currentTarget.value)}
          onBlur={() => check('repeat')}
          error={errors.repeat}
          data-testid="onboarding-password-repeat"
        />
        <Button type="submit" loading={busy} disabled={disabled} fullWidth mt="xs" data-testid="onboarding-submit">
          Create my account
        </Button>
      </Stack>
    </form>
  );
}
