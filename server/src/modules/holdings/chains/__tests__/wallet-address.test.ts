import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors/app-error';
import { parseWalletAddress } from '../wallet-address';

const CHECKSUMMED = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';

const refusal = (input: unknown) => {
  try {
    parseWalletAddress(input);
  } catch (err) {
    return err instanceof AppError ? err.code : 'other error';
  }
  return 'accepted';
};

describe('wallet addresses', () => {
  it('should give the checksummed form when the address is in one case or already checksummed', () => {
    expect(parseWalletAddress(CHECKSUMMED.toLowerCase())).toBe(CHECKSUMMED);
    expect(parseWalletAddress(`0x${CHECKSUMMED.slice(2).toUpperCase()}`)).toBe(CHECKSUMMED);
    expect(parseWalletAddress(CHECKSUMMED)).toBe(CHECKSUMMED);
  });

  it.each([
    ['a wrong checksum', CHECKSUMMED.replace('aAeb', 'AaeB')],
    ['a NUL byte appended', `${CHECKSUMMED}\u0000`],
    ['NUL bytes for digits', `0x${'\u0000'.repeat(40)}`],
    ['10,000 characters', `0x${'a'.repeat(9_998)}`],
    ['a missing digit', CHECKSUMMED.slice(0, 41)],
    ['no 0x', CHECKSUMMED.slice(2)],
    ['spaces around it', ` ${CHECKSUMMED} `],
    ['a non-hex digit', `${CHECKSUMMED.slice(0, 41)}g`],
    ['an ICAP address', 'XE7338O073KYGTWWZN0F2WZ0R8PX5ZPPZS'],
    ['an ENS name', 'vitalik.eth'],
    ['the zero address', `0x${'0'.repeat(40)}`],
    ['a number', 12345],
    ['an object', { toString: () => CHECKSUMMED }],
    ['null', null],
  ])('should refuse %s with BAD_USER_INPUT', (_, input) => {
    expect(refusal(input)).toBe('BAD_USER_INPUT');
  });
});
