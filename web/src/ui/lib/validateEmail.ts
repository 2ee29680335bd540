// The shape the server accepts (zod's email rule, which the users service uses): checked here only
// so the form can say what is wrong before submitting.
const EMAIL = /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
export const EMAIL_MAX_LENGTH = 320;

/** What is wrong with an email address, or null when it looks deliverable. */
export function validateEmail(value: string): string | null {
  const email = value.trim();
  if (email === '') return 'Enter an email address.';
  if (!email.includes('@')) return 'An email address needs an @, as in name@company.com.';
  if (email.length > EMAIL_MAX_LENGTH) return `Use at most ${EMAIL_MAX_LENGTH} characters.`;
  if (!EMAIL.test(email)) return 'Not a valid email address: check for a typo, a space or a missing domain (name@company.com).';
  return null;
}
