// The server's password policy (server/src/core/identity/password-policy.ts): long rather than
// complex, bounded. Mirrored here only so a form can say what is wrong before submitting; the
// server decides.
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** What is wrong with a new password, or null when the server's policy accepts it. */
export function validateNewPassword(password: string): string | null {
  if (password.length === 0) return 'Enter a password.';
  if (password.length < PASSWORD_MIN_LENGTH) {
    const missing = PASSWORD_MIN_LENGTH - password.length;
    return `Use at least ${PASSWORD_MIN_LENGTH} characters (${missing} more). A long passphrase beats a short complex one.`;
  }
  if (password.length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  return null;
}
