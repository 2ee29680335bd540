import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { describe, expect, it } from 'vitest';
import { retryAfterSecondsOf, tooManyAttemptsMessage } from './tooManyAttempts';

const limited = (retryAfterSeconds?: unknown) =>
  new CombinedGraphQLErrors({
    errors: [{ message: 'Too many attempts', extensions: { code: 'RATE_LIMITED', retryAfterSeconds } }],
  });

describe('tooManyAttemptsMessage', () => {
  it('should say how long to wait, in seconds or whole minutes rounded up', () => {
    expect(tooManyAttemptsMessage(limited(1))).toBe('Too many attempts. Try again in 1 second.');
    expect(tooManyAttemptsMessage(limited(42))).toBe('Too many attempts. Try again in 42 seconds.');
    expect(tooManyAttemptsMessage(limited(60))).toBe('Too many attempts. Try again in 1 minute.');
    expect(tooManyAttemptsMessage(limited(61))).toBe('Too many attempts. Try again in 2 minutes.');
    expect(tooManyAttemptsMessage(limited(900), 'codes')).toBe('Too many codes. Try again in 15 minutes.');
  });

  it('should fall back to a minute when the answer does not say', () => {
    for (const bad of [undefined, 'soon', -5, Number.NaN]) expect(retryAfterSecondsOf(limited(bad))).toBeNull();
    expect(tooManyAttemptsMessage(new Error('network'))).toBe('Too many attempts. Wait a minute, then try again.');
  });
});
