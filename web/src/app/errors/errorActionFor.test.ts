import { describe, expect, it } from 'vitest';
import { errorActionFor, errorActionForCodes } from './errorActionFor';

describe('errorActionFor', () => {
  it('should sign out when an ordinary operation answers UNAUTHENTICATED', () => {
    expect(errorActionFor('UNAUTHENTICATED', 'Users')).toBe('sign-out');
    expect(errorActionFor('UNAUTHENTICATED')).toBe('sign-out');
  });

  it('should show the message when a credential check answers UNAUTHENTICATED', () => {
    for (const op of ['Login', 'StepUp', 'ConfirmMfaEnrollment', 'ChangePassword']) {
      expect(errorActionFor('UNAUTHENTICATED', op)).toBe('show-message');
    }
  });

  it('should ask for step-up when an operation answers MFA_REQUIRED', () => {
    expect(errorActionFor('MFA_REQUIRED', 'CreateUser')).toBe('step-up');
  });

  it('should not loop into step-up when step-up itself answers MFA_REQUIRED', () => {
    expect(errorActionFor('MFA_REQUIRED', 'StepUp')).toBe('show-message');
  });

  it('should show access denied when FORBIDDEN', () => {
    expect(errorActionFor('FORBIDDEN', 'AuditEntries')).toBe('access-denied');
  });

  it.each(['NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT', 'RATE_LIMITED', 'INTERNAL_SERVER_ERROR'] as const)(
    'should leave %s to the form when it is a plain failure',
    (code) => {
      expect(errorActionFor(code, 'CreateRole')).toBe('show-message');
    },
  );

  it('should pick the most disruptive action when several codes come back', () => {
    expect(errorActionForCodes(['BAD_USER_INPUT', 'FORBIDDEN'], 'Users')).toBe('access-denied');
    expect(errorActionForCodes(['FORBIDDEN', 'UNAUTHENTICATED'], 'Users')).toBe('sign-out');
    expect(errorActionForCodes(['MFA_REQUIRED', 'FORBIDDEN'], 'AssignRole')).toBe('step-up');
    expect(errorActionForCodes([], 'Users')).toBe('show-message');
  });
});
