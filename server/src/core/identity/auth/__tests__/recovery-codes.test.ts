import { describe, expect, it } from 'vitest';
import { newRecoveryCode, normaliseRecoveryCode, parseSecondFactor, recoveryCodeHash } from '../recovery-codes';

describe('recovery codes', () => {
  it('should make four groups of five base32 characters, different every time', () => {
    const codes = new Set(Array.from({ length: 1000 }, newRecoveryCode));
    expect(codes.size).toBe(1000);
    for (const code of codes) expect(code).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}-[a-z2-7]{5}-[a-z2-7]{5}$/);
  });

  it('should accept a code typed in capitals, with spaces or without hyphens, as the same code', () => {
    const code = newRecoveryCode();
    const plain = code.replace(/-/g, '');
    expect(normaliseRecoveryCode(code.toUpperCase())).toBe(plain);
    expect(normaliseRecoveryCode(code.replace(/-/g, ' '))).toBe(plain);
    expect(normaliseRecoveryCode(plain)).toBe(plain);
  });

  it('should refuse input of the wrong alphabet, length, or a huge size', () => {
    expect(normaliseRecoveryCode('abcde-fghij-klmno-pqrs1')).toBeNull();
    expect(normaliseRecoveryCode('abcde-fghij-klmno')).toBeNull();
    expect(normaliseRecoveryCode(`${'-'.repeat(1_000_000)}abcdefghijklmnopqrst`)).toBeNull();
  });

  it('should tell a TOTP code from a recovery code, and refuse what is neither', () => {
    expect(parseSecondFactor(' 123456 ')).toEqual({ kind: 'totp', code: '123456' });
    const code = newRecoveryCode();
    expect(parseSecondFactor(code)).toEqual({ kind: 'recovery', hash: recoveryCodeHash(code.replace(/-/g, '')) });
    expect(parseSecondFactor('12ab56')).toBeNull();
    expect(parseSecondFactor('1234567')).toBeNull();
    expect(recoveryCodeHash('a')).toMatch(/^[0-9a-f]{64}$/);
  });
});
