import { validateNewPassword } from '@/ui/lib/passwordPolicy';
import { validatePasswordRepeat } from '@/ui/lib/validatePasswordRepeat';

export type ChosenPasswordField = 'password' | 'repeat';
export type ChosenPasswordForm = Record<ChosenPasswordField, string>;

/** What is wrong with each field of "choose a password" (null: nothing); the server's policy decides. */
export function validateChosenPassword(form: ChosenPasswordForm): Record<ChosenPasswordField, string | null> {
  return {
    password: validateNewPassword(form.password),
    repeat: validatePasswordRepeat(form.password, form.repeat, 'Type the password again.'),
  };
}
