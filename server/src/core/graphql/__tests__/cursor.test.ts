import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors/app-error';
import { decodeCursor, encodeCursor } from '../cursor';

const raw = (values: unknown) => Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
const refusal = (cursor: string, shape: ('string' | 'number')[]) => {
  try {
    decodeCursor(cursor, shape);
  } catch (err) {
    return err instanceof AppError ? err.code : 'other';
  }
  return 'accepted';
};

describe('keyset cursors', () => {
  it('should give back what was encoded when the cursor is ours', () => {
    expect(decodeCursor(encodeCursor(['Ada', '8b5f']), ['string', 'string'])).toEqual(['Ada', '8b5f']);
    expect(decodeCursor(encodeCursor([Number.MAX_SAFE_INTEGER]), ['number'])).toEqual([Number.MAX_SAFE_INTEGER]);
  });

  it.each([
    ['a number past the safe integers', raw([2 ** 53 + 2]), ['number']],
    ['an absurd number', raw([1e300]), ['number']],
    ['a fraction', raw([1.5]), ['number']],
    ['NUL hidden in a string', raw(['a\u0000', 'b']), ['string', 'string']],
    ['a lone surrogate hidden in a string', raw(['a', '\udfff']), ['string', 'string']],
    ['a string longer than any key', raw(['x'.repeat(1001), 'b']), ['string', 'string']],
    ['the wrong shape', raw(['1']), ['number']],
    ['no JSON', 'bm90IGpzb24', ['number']],
  ] as const)('should refuse %s with BAD_USER_INPUT', (_what, cursor, shape) => {
    expect(refusal(cursor, [...shape])).toBe('BAD_USER_INPUT');
  });
});
