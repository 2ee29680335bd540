import { describe, expect, it } from 'vitest';
import { retryAfterMs } from '../bounded-get';

describe('retryAfterMs', () => {
  const now = Date.parse('2026-12-03T12:00:00Z');

  it('should read seconds or an HTTP date, capped at ten minutes, when the venue gives one', () => {
    expect(retryAfterMs('30', now)).toBe(30_000);
    expect(retryAfterMs(' 5 ', now)).toBe(5_000);
    expect(retryAfterMs('Thu, 03 Dec 2026 12:01:00 GMT', now)).toBe(60_000);
    expect(retryAfterMs('86400', now)).toBe(600_000);
  });

  it('should give nothing for a missing, past or unreadable value', () => {
    for (const v of [null, '', '0', '-5', 'soon', 'Thu, 03 Dec 2026 11:00:00 GMT', '1e9', '99999999999']) {
      expect(retryAfterMs(v, now), String(v)).toBeUndefined();
    }
  });
});
