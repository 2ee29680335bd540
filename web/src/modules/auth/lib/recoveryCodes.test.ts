import { describe, expect, it } from 'vitest';
import { isRecoveryCodeShaped, recoveryCodesFile } from './recoveryCodes';

describe('recovery codes in the console', () => {
  it('should accept a code as shown, in capitals or without hyphens, and nothing else', () => {
    expect(isRecoveryCodeShaped('abcde-fghij-klmno-pqrst')).toBe(true);
    expect(isRecoveryCodeShaped('ABCDE FGHIJ KLMNO PQRST')).toBe(true);
    expect(isRecoveryCodeShaped('abcdefghijklmnopqrst')).toBe(true);
    expect(isRecoveryCodeShaped('123456')).toBe(false);
    expect(isRecoveryCodeShaped('abcde-fghij-klmno-pqrs1')).toBe(false);
    expect(isRecoveryCodeShaped('abcde-fghij-klmno')).toBe(false);
  });

  it('should write every code, the account and the rules into the downloaded file', () => {
    const text = recoveryCodesFile(
      ['aaaaa-bbbbb-ccccc-ddddd', 'eeeee-fffff-ggggg-hhhhh'],
      { email: 'ada@acme.test', organization: 'acme' },
      new Date(Date.UTC(2026, 0, 2)),
    );
    expect(text).toContain('ada@acme.test');
    expect(text).toContain('organization: acme');
    expect(text).toContain('2026-01-02T00:00:00.000Z');
    expect(text.split('\n')).toEqual(expect.arrayContaining(['aaaaa-bbbbb-ccccc-ddddd', 'eeeee-fffff-ggggg-hhhhh']));
    expect(text).toMatch(/works once/);
  });
});
