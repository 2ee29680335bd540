import { createHash, randomBytes } from 'node:crypto';

// TOTP recovery codes: 20 base32 characters from 20 random bytes (100 bits; 256 is a multiple
// of 32, so every character is uniform), shown as four groups of five. High entropy makes a
// plain SHA-256 enough to store them, as for API keys: no one can walk 2^100 candidates.
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
const CODE_LENGTH = 20;
const GROUP = 5;
const RECOVERY_CODE = /^[a-z2-7]{20}$/;
const TOTP_CODE = /^\d{6}$/;
// Anything longer is neither kind: refused before it is normalised.
const MAX_INPUT_LENGTH = 64;

/** How many codes an enrolment (or a regeneration) issues. */
export const RECOVERY_CODE_COUNT = 10;

export function newRecoveryCode(): string {
  const bytes = randomBytes(CODE_LENGTH);
  const chars = Array.from(bytes, (b) => ALPHABET[b & 31]!).join('');
  return chars.match(new RegExp(`.{${GROUP}}`, 'g'))!.join('-');
}

/** What a person may type: any case, with or without the hyphens and spaces of the display. */
export function normaliseRecoveryCode(input: string): string | null {
  if (input.length > MAX_INPUT_LENGTH) return null;
  const code = input.toLowerCase().replace(/[\s-]/g, '');
  return RECOVERY_CODE.test(code) ? code : null;
}

export const recoveryCodeHash = (normalised: string) => createHash('sha256').update(normalised).digest('hex');

/** A second factor as typed at step-up: a TOTP code, a recovery code (by its hash), or neither. */
export type SecondFactor = { kind: 'totp'; code: string } | { kind: 'recovery'; hash: string };

export function parseSecondFactor(input: string): SecondFactor | null {
  const trimmed = input.trim();
  if (TOTP_CODE.test(trimmed)) return { kind: 'totp', code: trimmed };
  const code = normaliseRecoveryCode(trimmed);
  return code ? { kind: 'recovery', hash: recoveryCodeHash(code) } : null;
}
