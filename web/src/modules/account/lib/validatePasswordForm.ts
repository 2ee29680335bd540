import { validateNewPassword } from '@/ui/lib/passwordPolicy';
import { validatePasswordRepeat } from '@/ui/lib/validatePasswordRepeat';

export type PasswordField = 'current' | 'next' | 'repeat';
export type PasswordForm = Record<PasswordField, string>;

export const EMPTY_PASSWORD_FORM: PasswordForm = { current: '', next: '', repeat: '' };

/** What is wrong with each field of the change-password form (null: nothing). */
export function validatePasswordForm(form: PasswordForm): Record<PasswordField, string | null> {
  return {
    current: form.current === '' ? 'Enter your current password.' : null,
    next: validateNewPassword(form.next),
    repeat: validatePasswordRepeat(form.next, form.repeat, 'Type the new password again.'),
  };
}
