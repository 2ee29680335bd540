import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startExchangeDouble, type ExchangeDouble } from '../../../doubles/exchanges/exchange-double';
import { sampleCredentials, sampleKey } from '../../../doubles/exchanges/sample-accounts';
import { adapterFor, EXCHANGE_VENUES } from '@/modules/holdings/exchanges/exchange-venues';
import { ExchangeFailureError } from '@/modules/holdings/exchanges/exchange-failure';
import type { ExchangeFailure } from '@/modules/holdings/exchanges/exchange-adapter';

// The ccxt 4.5.84 behaviours issue 10 lists, each met where it bites.

async function failureOf(call: Promise<unknown>): Promise<ExchangeFailure> {
  try {
    await call;
  } catch (err) {
    if (err instanceof ExchangeFailureError) return err.failure;
    throw err;
  }
  throw new Error('the call did not fail');
}

describe('venue quirks', () => {
  const doubles: ExchangeDouble[] = [];
  const start = async (venue: 'binance' | 'kucoin' | 'okx' | 'bybit') => {
    const double = await startExchangeDouble(venue);
    doubles.push(double);
    // No market cache: each call loads markets the way a first poll does (the -2015 test counts calls).
    return {
      double,
      adapter: adapterFor(venue, { baseUrls: { [venue]: double.url }, enableRateLimit: false, marketCacheMs: 0 }),
    };
  };
  let binance: Awaited<ReturnType<typeof start>>;
  let kucoin: Awaited<ReturnType<typeof start>>;

  beforeAll(async () => {
    binance = await start('binance');
    kucoin = await start('kucoin');
  });
  afterAll(async () => Promise.all(doubles.map((d) => d.close())));

  it('should call a Binance -2015 auth_failed even though ccxt raises it as DDoSProtection after a successful call', async () => {
    const credentials = sampleCredentials('binance', 'ddos');
    binance.double.addKey(sampleKey('binance', credentials, 'read_only'));
    // Currencies, deposits and withdrawals (sapi) and the spot account (a 'private' call, which
    // arms ccxt's workaround) succeed; the trade history then meets -2015.
    binance.double.revokeAfter(credentials.apiKey, 4);
    const failure = await failureOf(binance.adapter.fetchActivitySince(credentials, undefined));
    expect(failure).toMatchObject({ kind: 'auth_failed', venueCode: '-2015' });
    expect(failure.message).toContain('DDoSProtection');
  });

  it('should call a Binance clock skew (-1021) an error, not an auth failure', async () => {
    const credentials = sampleCredentials('binance', 'skew');
    binance.double.addKey(sampleKey('binance', credentials, 'read_only'));
    const real = Date.now;
    Date.now = () => real() - 60_000;
    try {
      expect(await failureOf(binance.adapter.fetchBalances(credentials))).toMatchObject({ kind: 'error', venueCode: '-1021' });
    } finally {
      Date.now = real;
    }
  });

  it('should report a Binance trading-authority expiry from the permission answer', async () => {
    const credentials = sampleCredentials('binance', 'expiring');
    const expiresAt = new Date(Date.now() + 5 * 86_400_000);
    binance.double.addKey({ ...sampleKey('binance', credentials, 'read_only'), expiresAt });
    expect((await binance.adapter.checkScope(credentials)).expiresAt).toEqual(expiresAt);
  });

  it('should call KuCoin 429000 rate_limited, with its gw-ratelimit-reset wait, although ccxt raises a plain ExchangeError', async () => {
    const credentials = sampleCredentials('kucoin', 'limited');
    kucoin.double.addKey(sampleKey('kucoin', credentials, 'read_only'));
    kucoin.double.throttle(credentials.apiKey, 3);
    const failure = await failureOf(kucoin.adapter.fetchBalances(credentials));
    expect(failure).toMatchObject({ kind: 'rate_limited', venueCode: '429000' });
    expect(failure.message).toMatch(/ExchangeError/);
    expect(failure.retryAfterMs).toBeGreaterThan(2000);
  });

  it('should keep a KuCoin fill id beyond 2^53 exact', async () => {
    const credentials = sampleCredentials('kucoin', 'bigid');
    const key = sampleKey('kucoin', credentials, 'read_only');
    const id = '98765432109876543219';
    kucoin.double.addKey({ ...key, trades: (key.trades ?? []).map((t) => ({ ...t, id })) });
    const page = await kucoin.adapter.fetchActivitySince(credentials, undefined);
    expect(page.trades.map((t) => t.venueId)).toEqual([id]);
  });

  it("should read a KuCoin HF account's balances and trades on every poll, not only the one that loaded the markets", async () => {
    // Markets are loaded once per adapter (with the first key that polls) and shared after; the
    // account's HF status, which ccxt loads with the markets, is each key's own.
    const adapter = adapterFor('kucoin', { baseUrls: { kucoin: kucoin.double.url }, enableRateLimit: false });
    const classic = sampleCredentials('kucoin', 'classic');
    kucoin.double.addKey(sampleKey('kucoin', classic, 'read_only'));
    const hf = sampleCredentials('kucoin', 'hf');
    kucoin.double.addKey({ ...sampleKey('kucoin', hf, 'read_only'), hfAccount: true });
    const polls = [];
    for (const credentials of [classic, hf, classic, hf]) polls.push(await adapter.poll(credentials, undefined));
    const read = polls.map((o) =>
      o.status === 'ok'
        ? { btc: o.balances.lines.find((l) => l.asset === 'BTC')?.total, trades: o.activity.trades.map((t) => t.venueId) }
        : o.status,
    );
    const expected = { btc: expect.stringMatching(/^0\.50*$/) as unknown, trades: ['12345678901234567890'] };
    expect(read).toEqual([expected, expected, expected, expected]);
  });

  it('should refuse an OKX or KuCoin key without its passphrase as auth_failed, before any request', async () => {
    const okx = await start('okx');
    const credentials = sampleCredentials('okx', 'nopass');
    okx.double.addKey(sampleKey('okx', credentials, 'read_only'));
    const proof = await okx.adapter.checkScope({ apiKey: credentials.apiKey, secret: credentials.secret });
    expect(proof).toMatchObject({ verdict: 'unknown', failure: { kind: 'auth_failed' } });
    expect(okx.double.requests).toEqual([]);
  });

  it('should refuse a wrong OKX passphrase as the venue does (50105), as auth_failed', async () => {
    const okx = await start('okx');
    const credentials = sampleCredentials('okx', 'wrongpass');
    okx.double.addKey(sampleKey('okx', credentials, 'read_only'));
    const failure = await failureOf(okx.adapter.fetchBalances({ ...credentials, passphrase: 'not-it' }));
    expect(failure).toMatchObject({ kind: 'auth_failed', venueCode: '50105' });
  });

  it('should report a Bybit key expiry (expiredAt)', async () => {
    const bybit = await start('bybit');
    const credentials = sampleCredentials('bybit', 'expiring');
    const expiresAt = new Date('2031-05-15T03:21:05Z');
    bybit.double.addKey({ ...sampleKey('bybit', credentials, 'read_only'), expiresAt });
    expect((await bybit.adapter.checkScope(credentials)).expiresAt).toEqual(expiresAt);
  });

  it('should point a sandbox connection at the override too', async () => {
    const bybit = await start('bybit');
    const credentials = sampleCredentials('bybit', 'sandbox');
    bybit.double.addKey(sampleKey('bybit', credentials, 'read_only'));
    expect((await bybit.adapter.checkScope({ ...credentials, sandbox: true })).verdict).toBe('read_only');
    expect(bybit.double.requests.map((r) => r.path)).toEqual(['/v5/user/query-api']);
  });

  it('should call a Binance testnet key unverifiable: the spot testnet has no permission endpoint', async () => {
    const credentials = sampleCredentials('binance', 'sandbox');
    const proof = await binance.adapter.checkScope({ ...credentials, sandbox: true });
    expect(proof).toMatchObject({ verdict: 'unverifiable', offending: [] });
  });

  it('should refuse sandbox mode where the venue has no testnet', async () => {
    const withoutTestnet = EXCHANGE_VENUES.filter((v) => !adapterFor(v).hasSandbox).sort();
    expect(withoutTestnet).toEqual(['coinbase', 'kraken', 'kucoin']);
    const credentials = sampleCredentials('kraken', 'sandbox');
    await expect(adapterFor('kraken').checkScope({ ...credentials, sandbox: true })).rejects.toThrow(/no testnet/);
  });
});

describe('Coinbase CDP keys (ES256 JWT per request)', () => {
  let double: ExchangeDouble;
  const cdpKey = () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    return {
      apiKey: `organizations/org-1/apiKeys/${randomUUID()}`,
      secret: privateKey.export({ type: 'sec1', format: 'pem' }).toString(),
    };
  };

  beforeAll(async () => {
    double = await startExchangeDouble('coinbase');
  });
  afterAll(async () => double.close());

  it('should prove a CDP key read-only and read its balances, the double checking the JWT', async () => {
    const credentials = cdpKey();
    double.addKey({ ...sampleKey('coinbase', { ...credentials, passphrase: '' }, 'read_only') });
    const adapter = adapterFor('coinbase', { baseUrls: { coinbase: double.url }, enableRateLimit: false });
    expect((await adapter.checkScope(credentials)).verdict).toBe('read_only');
    expect((await adapter.fetchBalances(credentials)).lines.map((l) => l.asset)).toEqual(['BTC', 'USD']);
  });

  it('should refuse a JWT signed with another key as auth_failed', async () => {
    const credentials = cdpKey();
    double.addKey({ ...sampleKey('coinbase', { ...credentials, passphrase: '' }, 'read_only') });
    const adapter = adapterFor('coinbase', { baseUrls: { coinbase: double.url }, enableRateLimit: false });
    const forged = { apiKey: credentials.apiKey, secret: cdpKey().secret };
    expect((await failureOf(adapter.fetchBalances(forged))).kind).toBe('auth_failed');
    expect((await adapter.checkScope(forged)).failure?.kind).toBe('auth_failed');
  });
});
