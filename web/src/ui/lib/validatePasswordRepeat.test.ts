import { describe, expect, it } from 'vitest';
import { validatePasswordRepeat } from './validatePasswordRepeat';

describe('validatePasswordRepeat', () => {
  it("should ask again in the form's own words when the repeat is empty", () => {
    expect(validatePasswordRepeat('a long passphrase', '', 'Type the password again.')).toBe('Type the password again.');
  });

  it('should say the passwords differ when the repeat does not match, by case too', () => {
    expect(validatePasswordRepeat('a long passphrase', 'a long passphrasE', 'Type it again.')).toBe('The passwords differ.');
  });

  it('should accept a repeat that matches, even when the password itself is too short', () => {
    expect(validatePasswordRepeat('short', 'short', 'Type it again.')).toBeNull();
  });
});
