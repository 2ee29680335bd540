/**
 * What is wrong with a new password's second typing (null: nothing). `askAgain` is the form's own
 * words for an empty one, so the request names the password the way the label above it does.
 */
export function validatePasswordRepeat(password: string, repeat: string, askAgain: string): string | null {
  if (repeat === '') return askAgain;
  return repeat === password ? null : 'The passwords differ.';
}
