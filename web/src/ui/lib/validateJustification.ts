export const JUSTIFICATION_MIN_LENGTH = 10;
export const JUSTIFICATION_MAX_LENGTH = 2000; // the server's limits: 10–2000

/** Admin writes are logged with this text; a one-word reason explains nothing to an auditor. */
export function validateJustification(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed.length === 0) return 'A justification is required; it is recorded in the admin audit log.';
  if (trimmed.length < JUSTIFICATION_MIN_LENGTH) {
    return `Write at least ${JUSTIFICATION_MIN_LENGTH} characters so an auditor can understand why.`;
  }
  if (trimmed.length > JUSTIFICATION_MAX_LENGTH) {
    return `Keep it under ${JUSTIFICATION_MAX_LENGTH} characters.`;
  }
  return null;
}
