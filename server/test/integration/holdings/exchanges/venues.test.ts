import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startExchangeDouble, type ExchangeDouble } from '../../../doubles/exchanges/exchange-double';
import { DOUBLE_VENUES, type DoubleVenue } from '../../../doubles/exchanges/dialects';
import {
  SAMPLE_SYMBOL,
  SAMPLE_TIME,
  SAMPLE_TRADE_ID,
  sampleCredentials,
  sampleKey,
} from '../../../doubles/exchanges/sample-accounts';
import type { DoubleKeyInput } from '../../../doubles/exchanges/double-types';
import { adapterFor } from '@/modules/holdings/exchanges/exchange-venues';
import { ExchangeFailureError } from '@/modules/holdings/exchanges/exchange-failure';
import type { ExchangeAdapter, ExchangeCredentials, ExchangeFailure } from '@/modules/holdings/exchanges/exchange-adapter';
import { IP_LIMIT_WAIT_MS, KEY_LIMIT_STATES_WAIT, OFFENDING, REFUSAL_NAMES } from './venue-expectations';

// Each venue's adapter, through ccxt 4.5.84 and the base-URL override, against a local double
// that speaks the venue's paths and shapes and checks the signature ccxt computes.

async function failureOf(call: Promise<unknown>): Promise<ExchangeFailure> {
  try {
    await call;
  } catch (err) {
    if (err instanceof ExchangeFailureError) return err.failure;
    throw err;
  }
  throw new Error('the call did not fail');
}

describe.each(DOUBLE_VENUES)('%s adapter against its double', (venueId: DoubleVenue) => {
  let venue: ExchangeDouble;
  let adapter: ExchangeAdapter;
  const urls: string[] = [];

  const onboard = (label: string, permissions: DoubleKeyInput['permissions']): ExchangeCredentials => {
    const credentials = sampleCredentials(venueId, label);
    venue.addKey(sampleKey(venueId, credentials, permissions));
    return credentials;
  };

  beforeAll(async () => {
    // Kraken and Gemini sign with a millisecond nonce that must grow per key. A poll now leases an
    // instance already built (instance-pool.ts), so its first request can follow onboarding's last
    // one inside a millisecond when the double answers in microseconds, which no real venue's
    // round trip allows: the double answers after 2 ms, as in instance-pool.test.ts.
    venue = await startExchangeDouble(venueId, { latencyMs: 2 });
    adapter = adapterFor(venueId, {
      baseUrls: { [venueId]: venue.url },
      enableRateLimit: false,
      onRequest: (url) => urls.push(url),
    });
  });
  afterEach(() => venue.limitIp(undefined));
  afterAll(async () => venue.close());

  it('should prove a read-only key read-only, then read its balances and activity as decimal strings and venue ids', async () => {
    const credentials = onboard('ro', 'read_only');
    const proof = await adapter.checkScope(credentials);
    expect(proof).toMatchObject({ verdict: 'read_only', offending: [] });
    expect(JSON.stringify(proof.venueAnswer)).not.toContain(credentials.apiKey);

    const [base, quote] = SAMPLE_SYMBOL[venueId].split('/');
    const balances = await adapter.fetchBalances(credentials);
    const byAsset = Object.fromEntries(balances.lines.map((l) => [l.asset, l]));
    expect(Number(byAsset[base ?? '']?.total)).toBe(0.5);
    expect(byAsset[base ?? '']?.total).toMatch(/^0\.50*$/);
    expect(byAsset[quote ?? '']?.free).toBe('1234.56');

    const page = await adapter.fetchActivitySince(credentials, undefined);
    expect(page.trades).toEqual([
      expect.objectContaining({
        venueId: SAMPLE_TRADE_ID[venueId],
        symbol: SAMPLE_SYMBOL[venueId],
        side: 'buy',
        amount: expect.stringMatching(/^0\.010*$/) as unknown,
        price: expect.stringMatching(/^30000\.10*$/) as unknown,
        timestamp: new Date(SAMPLE_TIME),
      }),
    ]);
    expect(page.deposits).toEqual([
      expect.objectContaining({
        kind: 'deposit',
        txid: '0xdeadbeef01',
        asset: base,
        amount: expect.stringMatching(/^0\.60*$/) as unknown,
      }),
    ]);
    expect(page.deposits[0]?.venueId).toBe(venueId === 'kucoin' ? 'txid:0xdeadbeef01' : '341167014');
    expect(page.withdrawals).toEqual([
      expect.objectContaining({ kind: 'withdrawal', venueId: '341167015', txid: '0xdeadbeef02', asset: base }),
    ]);

    // The next poll from the returned cursor reads nothing older than what it already has.
    const next = await adapter.fetchActivitySince(credentials, page.cursor);
    expect(next.trades.map((t) => t.venueId)).toEqual([SAMPLE_TRADE_ID[venueId]]);
    // Its marks stay put. Binance also notes when the venue last changed the account, as of a read
    // that found nothing new: until that moves, the next poll asks no market for trades.
    const { quietAt, ...marks } = JSON.parse(next.cursor) as { quietAt?: number };
    expect(marks).toEqual(JSON.parse(page.cursor));
    expect(quietAt !== undefined).toBe(venueId === 'binance');
  });

  it.each(['trade', 'withdraw', 'transfer'] as const)(
    'should refuse a key with %s permission, naming it in the venue\u2019s words',
    async (power) => {
      const credentials = onboard(power, [power]);
      const proof = await adapter.checkScope(credentials);
      expect(proof.verdict).toBe('too_broad');
      expect(proof.offending).toEqual(OFFENDING[venueId][power]);
      expect(proof.message).toContain(REFUSAL_NAMES[venueId][power]);
      expect(proof.message).not.toContain(credentials.secret);
    },
  );

  it('should answer unknown, never read-only, when the permission endpoint fails', async () => {
    const credentials = onboard('failing', 'read_only');
    venue.failPermissionEndpoint(credentials.apiKey);
    const proof = await adapter.checkScope(credentials);
    expect(proof).toMatchObject({ verdict: 'unknown', offending: [], failure: { kind: 'error' } });
    expect(proof.message).toMatch(/could not verify/i);
  });

  it('should classify a revoked key as auth_failed, for the scope check and for a poll', async () => {
    const credentials = onboard('revoked', 'read_only');
    venue.revoke(credentials.apiKey);
    const proof = await adapter.checkScope(credentials);
    expect(proof).toMatchObject({ verdict: 'unknown', failure: { kind: 'auth_failed' } });
    expect((await failureOf(adapter.fetchBalances(credentials))).kind).toBe('auth_failed');
  });

  it('should classify a key revoked in the middle of a poll as auth_failed', async () => {
    const credentials = onboard('midpoll', 'read_only');
    venue.revokeAfter(credentials.apiKey, 1);
    expect((await failureOf(adapter.fetchActivitySince(credentials, undefined))).kind).toBe('auth_failed');
  });

  it('should refuse a bad signature the way the venue does, as auth_failed', async () => {
    const credentials = onboard('badsig', 'read_only');
    const forged = { ...credentials, secret: sampleCredentials(venueId, 'other').secret };
    expect((await failureOf(adapter.fetchBalances(forged))).kind).toBe('auth_failed');
    expect((await adapter.checkScope(forged)).verdict).toBe('unknown');
  });

  it('should classify the venue\u2019s per-key rate limit as rate_limited, with the wait where the venue states it', async () => {
    const credentials = onboard('throttled', 'read_only');
    venue.throttle(credentials.apiKey, 7);
    const failure = await failureOf(adapter.fetchBalances(credentials));
    expect(failure.kind).toBe('rate_limited');
    if (KEY_LIMIT_STATES_WAIT[venueId]) {
      expect(failure.retryAfterMs).toBeGreaterThan(5000);
      expect(failure.retryAfterMs).toBeLessThanOrEqual(7000);
    } else {
      expect(failure.retryAfterMs).toBeUndefined();
    }
  });

  it('should classify the per-IP limit as rate_limited with its Retry-After', async () => {
    const credentials = onboard('iplimited', 'read_only');
    venue.limitIp({ requests: 0, windowMs: 60_000, retryAfterSeconds: 30 });
    const failure = await failureOf(adapter.fetchBalances(credentials));
    expect(failure).toMatchObject({ kind: 'rate_limited', retryAfterMs: IP_LIMIT_WAIT_MS(venueId, 30) });
  });

  it('should poll a read-only key in one go: scope, balances and activity, all or nothing', async () => {
    const credentials = onboard('poll', 'read_only');
    const outcome = await adapter.poll(credentials, undefined);
    if (outcome.status !== 'ok') throw new Error(`poll ${outcome.status}`);
    expect(outcome.scope.verdict).toBe('read_only');
    expect(outcome.balances.lines.map((l) => l.asset)).toEqual(SAMPLE_SYMBOL[venueId].split('/').sort());
    expect(outcome.activity.trades.map((t) => t.venueId)).toEqual([SAMPLE_TRADE_ID[venueId]]);
    expect(outcome.activity.withdrawals.map((w) => w.venueId)).toEqual(['341167015']);
  });

  it('should read nothing more once a polled key’s scope has widened', async () => {
    const credentials = onboard('widened', 'read_only');
    venue.setPermissions(credentials.apiKey, ['withdraw']);
    const before = venue.requests.length;
    const outcome = await adapter.poll(credentials, undefined);
    expect(outcome).toMatchObject({
      status: 'scope_refused',
      scope: { verdict: 'too_broad', offending: OFFENDING[venueId].withdraw },
    });
    expect(venue.requests.length - before).toBe(1);
  });

  it('should return no partial data when a read fails after the scope check', async () => {
    const credentials = onboard('partial', 'read_only');
    venue.revokeAfter(credentials.apiKey, 1);
    const outcome = await adapter.poll(credentials, undefined);
    expect(outcome).toMatchObject({ status: 'failed', scope: { verdict: 'read_only' }, failure: { kind: 'auth_failed' } });
    expect(Object.keys(outcome).sort()).toEqual(['failure', 'scope', 'status']);
  });

  it('should send every request to the configured base and nowhere else', () => {
    expect(urls.length).toBeGreaterThan(10);
    expect(urls.filter((url) => !url.startsWith(`${venue.url}/`))).toEqual([]);
    expect(new Set(venue.requests.map((r) => r.host))).toEqual(new Set([new URL(venue.url).host]));
  });
});
