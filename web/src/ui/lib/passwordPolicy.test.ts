import { describe, expect, it } from 'vitest';
import { PASSWORD_MIN_LENGTH, validateNewPassword } from './passwordPolicy';

describe('validateNewPassword', () => {
  it('should say how many characters are missing when the password is too short', () => {
    expect(validateNewPassword('short-pw')).toBe(
      'Use at least 12 characters (4 more). A long passphrase beats a short complex one.',
    );
  });

  it('should accept a password of exactly the minimum length', () => {
    expect(validateNewPassword('x'.repeat(PASSWORD_MIN_LENGTH))).toBeNull();
  });

  it('should ask for a password when it is empty', () => {
    expect(validateNewPassword('')).toMatch(/Enter a password/);
  });

  it('should refuse a password longer than the server hashes', () => {
    expect(validateNewPassword('x'.repeat(257))).toMatch(/at most 256/);
  });
});
