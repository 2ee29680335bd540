import { validateNewPassword } from '@/ui/lib/passwordPolicy';
import { validateEmail } from '@/ui/lib/validateEmail';

export type NewUserForm = { name: string; email: string; roleId: string | null; password: string };
export type NewUserField = keyof NewUserForm;

export const USER_NAME_MAX_LENGTH = 200; // the server's limit

export function validateUserName(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'Enter their full name; it is how they appear in the audit log.';
  if (trimmed.length > USER_NAME_MAX_LENGTH) return `Use at most ${USER_NAME_MAX_LENGTH} characters.`;
  return null;
}

/** What is wrong with each field of the new-user form, by field (null: nothing). */
export function validateNewUser(form: NewUserForm): Record<NewUserField, string | null> {
  return {
    name: validateUserName(form.name),
    email: validateEmail(form.email),
    roleId: form.roleId ? null : 'Choose the role that decides what they can see and change.',
    password: validateNewPassword(form.password),
  };
}
