import { describe, expect, it } from 'vitest';
import { validatePasswordForm } from './validatePasswordForm';

describe('validatePasswordForm', () => {
  it('should say the new password is too short by how much', () => {
    expect(validatePasswordForm({ current: 'old-password-1', next: 'new-pw', repeat: 'new-pw' }).next).toMatch(
      /at least 12 characters \(6 more\)/,
    );
  });

  it('should say the repeat differs when it does not match', () => {
    const errors = validatePasswordForm({ current: 'old', next: 'a-long-new-passphrase', repeat: 'a-long-new-passphrasf' });
    expect(errors).toEqual({ current: null, next: null, repeat: 'The passwords differ.' });
  });

  it('should ask for the current password when it is empty', () => {
    expect(validatePasswordForm({ current: '', next: 'a-long-new-passphrase', repeat: 'a-long-new-passphrase' }).current).toMatch(
      /current password/,
    );
  });
});
