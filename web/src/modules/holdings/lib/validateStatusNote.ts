// The server's rule for a status note (re-onboarding): it says why, 3 to 2000 characters.
export const STATUS_NOTE_MIN_LENGTH = 3;
export const STATUS_NOTE_MAX_LENGTH = 2000;

export function validateStatusNote(note: string): string | null {
  const text = note.trim();
  if (text.length < STATUS_NOTE_MIN_LENGTH) {
    return `Say why, so the employee and the audit log know (at least ${STATUS_NOTE_MIN_LENGTH} characters).`;
  }
  if (text.length > STATUS_NOTE_MAX_LENGTH) return `Keep it under ${STATUS_NOTE_MAX_LENGTH} characters.`;
  return null;
}
