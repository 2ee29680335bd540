import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { describe, expect, it } from 'vitest';
import { COULD_NOT_VERIFY, connectFailureOf, mustDiscardKey } from './connectError';

const graphqlError = (message: string, extensions: Record<string, unknown>) =>
  new CombinedGraphQLErrors({ data: null, errors: [{ message, extensions }] });

describe('connectFailureOf', () => {
  it('should name what to turn off when the key is too broad, and discard the key', () => {
    const failure = connectFailureOf(
      graphqlError('Turn off Enable Spot & Margin Trading and Enable Withdrawals', {
        code: 'BAD_USER_INPUT',
        reason: 'KEY_TOO_BROAD',
        offending: ['enableSpotAndMarginTrading', 'enableWithdrawals', 42],
      }),
    );
    expect(failure).toEqual({
      kind: 'too_broad',
      offending: ['enableSpotAndMarginTrading', 'enableWithdrawals'],
      message: 'Turn off Enable Spot & Margin Trading and Enable Withdrawals',
    });
    expect(mustDiscardKey(failure)).toBe(true);
  });

  it('should say "could not verify, try again" and keep the key when the scope is unknown', () => {
    const failure = connectFailureOf(
      graphqlError('whatever the server said', { code: 'BAD_USER_INPUT', reason: 'SCOPE_UNKNOWN' }),
    );
    expect(failure).toEqual({ kind: 'scope_unknown', message: COULD_NOT_VERIFY });
    expect(failure.message).toMatch(/could not verify/);
    expect(mustDiscardKey(failure)).toBe(false);
  });

  it('should pass the venue refusal and rate limit through with their own kinds', () => {
    expect(
      connectFailureOf(graphqlError('Binance refused this key', { code: 'BAD_USER_INPUT', reason: 'KEY_REFUSED' })),
    ).toMatchObject({
      kind: 'key_refused',
    });
    expect(connectFailureOf(graphqlError('slow down', { code: 'BAD_USER_INPUT', reason: 'VENUE_RATE_LIMITED' }))).toMatchObject({
      kind: 'rate_limited',
      message: 'slow down',
    });
  });

  it('should explain who may connect keys when FORBIDDEN', () => {
    const failure = connectFailureOf(graphqlError('Only an employee connects its own exchange keys', { code: 'FORBIDDEN' }));
    expect(failure.kind).toBe('forbidden');
    expect(failure.message).toMatch(/only over HTTPS/);
  });

  it('should show any other failure as the server wrote it', () => {
    expect(connectFailureOf(graphqlError('Unknown venue', { code: 'BAD_USER_INPUT' }))).toEqual({
      kind: 'other',
      message: 'Unknown venue',
    });
    expect(connectFailureOf(new Error('Failed to fetch')).message).toMatch(/could not be reached/);
  });
});
