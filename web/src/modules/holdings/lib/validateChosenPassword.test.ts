import { describe, expect, it } from 'vitest';
import { validateChosenPassword } from './validateChosenPassword';

describe('validateChosenPassword', () => {
  it('should accept a 12-character password typed twice', () => {
    expect(validateChosenPassword({ password: 'twelve chars', repeat: 'twelve chars' })).toEqual({
      password: null,
      repeat: null,
    });
  });

  it('should say how many characters are missing when the password is short', () => {
    expect(validateChosenPassword({ password: 'short', repeat: 'short' }).password).toMatch(/at least 12 characters \(7 more\)/);
  });

  it('should refuse a confirmation that differs', () => {
    expect(validateChosenPassword({ password: 'a long passphrase', repeat: 'a long passphrasE' }).repeat).toBe(
      'The passwords differ.',
    );
    expect(validateChosenPassword({ password: 'a long passphrase', repeat: '' }).repeat).toMatch(/again/);
  });
});
