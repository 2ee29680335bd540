import { describe, expect, it } from 'vitest';
import type { ObservedFailure } from '../exchange-failure';
import { retryAfterFromHeader } from '../exchange-failure';
import { binanceVenue } from '../venues/binance.venue';
import { bybitVenue } from '../venues/bybit.venue';
import { coinbaseVenue } from '../venues/coinbase.venue';
import { geminiVenue } from '../venues/gemini.venue';
import { krakenVenue } from '../venues/kraken.venue';
import { kucoinVenue } from '../venues/kucoin.venue';
import { okxVenue } from '../venues/okx.venue';

const seen = (
  errorClasses: string[],
  status: number | undefined,
  body: unknown,
  headers: Record<string, string> = {},
): ObservedFailure => ({
  errorClass: errorClasses[0] ?? 'Error',
  errorClasses,
  ...(status !== undefined ? { status } : {}),
  headers,
  body,
});

describe('failure classification by venue', () => {
  it('should call Binance -2015 auth_failed whatever ccxt raised (DDoSProtection after a successful call)', () => {
    expect(
      binanceVenue.classify(
        seen(['DDoSProtection', 'NetworkError'], 401, { code: -2015, msg: 'Invalid API-key, IP, or permissions for action.' }),
      ),
    ).toMatchObject({ kind: 'auth_failed', venueCode: '-2015' });
  });

  it('should call Binance 429 and 418 rate_limited with Retry-After, although ccxt raises DDoSProtection', () => {
    expect(binanceVenue.classify(seen(['DDoSProtection'], 429, { code: -1003 }, { 'retry-after': '12' }))).toEqual(
      expect.objectContaining({ kind: 'rate_limited', retryAfterMs: 12_000 }),
    );
    expect(binanceVenue.classify(seen(['DDoSProtection'], 418, undefined, { 'retry-after': '120' }))).toEqual(
      expect.objectContaining({ kind: 'rate_limited', retryAfterMs: 120_000 }),
    );
  });

  it('should never call a clock or nonce refusal an auth failure', () => {
    expect(binanceVenue.classify(seen(['InvalidNonce'], 400, { code: -1021 })).kind).toBe('error');
    expect(krakenVenue.classify(seen(['InvalidNonce'], 200, { error: ['EAPI:Invalid nonce'] })).kind).toBe('error');
    expect(okxVenue.classify(seen(['AuthenticationError'], 401, { code: '50102', msg: 'Timestamp request expired' })).kind).toBe(
      'error',
    );
    expect(kucoinVenue.classify(seen(['InvalidNonce'], 401, { code: '400002' })).kind).toBe('error');
    expect(
      coinbaseVenue.classify(
        seen(['AuthenticationError'], 401, { errors: [{ id: 'authentication_error', message: 'request timestamp expired' }] }),
      ).kind,
    ).toBe('error');
    expect(bybitVenue.classify(seen(['BadRequest'], 200, { retCode: 10002 })).kind).toBe('error');
    expect(geminiVenue.classify(seen(['InvalidNonce'], 400, { result: 'error', reason: 'InvalidNonce' })).kind).toBe('error');
  });

  it('should call KuCoin 429000 rate_limited although ccxt raises a plain ExchangeError, with its reset wait', () => {
    expect(
      kucoinVenue.classify(seen(['ExchangeError'], 429, { code: '429000' }, { 'gw-ratelimit-reset': '2500' })),
    ).toMatchObject({ kind: 'rate_limited', retryAfterMs: 2500 });
  });

  it('should call Bybit 403 an IP rate limit with its ten-minute ban, and 10006 a key limit with its reset instant', () => {
    expect(bybitVenue.classify(seen(['PermissionDenied'], 403, undefined))).toMatchObject({
      kind: 'rate_limited',
      retryAfterMs: 600_000,
    });
    const reset = String(Date.now() + 4000);
    const failure = bybitVenue.classify(
      seen(['RateLimitExceeded'], 200, { retCode: 10006 }, { 'x-bapi-limit-reset-timestamp': reset }),
    );
    expect(failure.kind).toBe('rate_limited');
    expect(failure.retryAfterMs).toBeGreaterThan(3000);
  });

  it('should call Kraken, OKX, Coinbase and Gemini key refusals auth_failed', () => {
    expect(krakenVenue.classify(seen(['AuthenticationError'], 200, { error: ['EAPI:Invalid key'] })).kind).toBe('auth_failed');
    expect(okxVenue.classify(seen(['AuthenticationError'], 401, { code: '50111' })).kind).toBe('auth_failed');
    expect(coinbaseVenue.classify(seen(['AuthenticationError'], 401, { error: 'UNAUTHENTICATED' })).kind).toBe('auth_failed');
    expect(geminiVenue.classify(seen(['AuthenticationError'], 400, { result: 'error', reason: 'InvalidApiKey' })).kind).toBe(
      'auth_failed',
    );
  });

  it('should call a timeout or a 5xx an error, never auth_failed', () => {
    for (const venue of [binanceVenue, coinbaseVenue, krakenVenue, okxVenue, bybitVenue, kucoinVenue, geminiVenue]) {
      expect(venue.classify(seen(['RequestTimeout', 'NetworkError'], undefined, undefined)).kind).toBe('error');
      expect(venue.classify(seen(['ExchangeNotAvailable', 'NetworkError'], 503, '<html>')).kind).toBe('error');
    }
  });

  it('should read Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterFromHeader('7')).toBe(7000);
    expect(retryAfterFromHeader('Thu, 03 Dec 2026 09:00:10 GMT', Date.parse('Thu, 03 Dec 2026 09:00:00 GMT'))).toBe(10_000);
    expect(retryAfterFromHeader('soon')).toBeUndefined();
    expect(retryAfterFromHeader(undefined)).toBeUndefined();
  });
});
