import type { ErrorCode } from '@/ui/lib/errorCodes';

export type ErrorAction =
  | 'sign-out' // the session is gone: drop the token and go to sign-in
  | 'step-up' // the action needs AAL2: open the step-up prompt, then retry
  | 'access-denied' // show the "Access denied" state
  | 'show-message'; // leave it to the form or page to display

// These operations check a credential the person just typed. Their UNAUTHENTICATED means
// "wrong password/code", not "your session ended", so they must not sign the person out.
const CREDENTIAL_OPERATIONS = new Set(['Login', 'StepUp', 'ConfirmMfaEnrollment', 'ChangePassword']);

export function errorActionFor(code: ErrorCode, operationName?: string): ErrorAction {
  const checksCredential = operationName !== undefined && CREDENTIAL_OPERATIONS.has(operationName);
  switch (code) {
    case 'UNAUTHENTICATED':
      return checksCredential ? 'show-message' : 'sign-out';
    case 'MFA_REQUIRED':
      // Step-up itself never needs step-up; treating it so would loop.
      return operationName === 'StepUp' || operationName === 'Login' ? 'show-message' : 'step-up';
    case 'FORBIDDEN':
      return 'access-denied';
    case 'NOT_FOUND':
    case 'BAD_USER_INPUT':
    case 'CONFLICT':
    case 'RATE_LIMITED':
    case 'INTERNAL_SERVER_ERROR':
      return 'show-message';
  }
}

/** One action for a list of codes: the most disruptive one wins. */
export function errorActionForCodes(codes: readonly ErrorCode[], operationName?: string): ErrorAction {
  const order: ErrorAction[] = ['sign-out', 'step-up', 'access-denied', 'show-message'];
  const actions = codes.map((code) => errorActionFor(code, operationName));
  return order.find((action) => actions.includes(action)) ?? 'show-message';
}
