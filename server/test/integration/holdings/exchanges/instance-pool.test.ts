import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Exchange } from 'ccxt';
import { startExchangeDouble, type ExchangeDouble } from '../../../doubles/exchanges/exchange-double';
import { DOUBLE_VENUES, type DoubleVenue } from '../../../doubles/exchanges/dialects';
import { SAMPLE_SYMBOL, sampleCredentials, sampleKey } from '../../../doubles/exchanges/sample-accounts';
import { ccxtAdapter } from '@/modules/holdings/exchanges/ccxt-venue';
import { buildInstance, freshRequestState } from '@/modules/holdings/exchanges/ccxt-instance';
import type { ExchangeAdapter, ExchangeCredentials, PollOutcome } from '@/modules/holdings/exchanges/exchange-adapter';
import type { VenueSpec } from '@/modules/holdings/exchanges/venue-spec';
import { MarketCache } from '@/modules/holdings/exchanges/market-cache';
import { binanceVenue } from '@/modules/holdings/exchanges/venues/binance.venue';
import { bybitVenue } from '@/modules/holdings/exchanges/venues/bybit.venue';
import { coinbaseVenue } from '@/modules/holdings/exchanges/venues/coinbase.venue';
import { geminiVenue } from '@/modules/holdings/exchanges/venues/gemini.venue';
import { krakenVenue } from '@/modules/holdings/exchanges/venues/kraken.venue';
import { kucoinVenue } from '@/modules/holdings/exchanges/venues/kucoin.venue';
import { okxVenue } from '@/modules/holdings/exchanges/venues/okx.venue';

// Polls lease ccxt instances from a pool (ccxt-instance-pool.ts) instead of building one per
// poll. Against each venue's double: one instance serves key after key, each poll reads only its
// own key's account, a revoked key reads as revoked whatever the instance did before, an
// instance back in the pool is, property by property, the instance as built: no key, nothing read
// with one; and the venue's markets are shared with each lease as loaded, never rebuilt per poll
// nor changed by one.

const SPECS: Record<DoubleVenue, VenueSpec<Exchange>> = {
  binance: binanceVenue,
  bybit: bybitVenue,
  coinbase: coinbaseVenue,
  gemini: geminiVenue,
  kraken: krakenVenue,
  kucoin: kucoinVenue,
  okx: okxVenue,
} as unknown as Record<DoubleVenue, VenueSpec<Exchange>>;

/** A property's content as far as it can be compared: functions and class instances by kind only. */
function shapeOf(value: unknown, depth = 0, seen = new WeakSet<object>()): string {
  if (typeof value === 'function') return 'function';
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? String(value);
  if (seen.has(value)) return 'cycle';
  seen.add(value);
  if (depth > 8) return 'deep';
  if (Array.isArray(value)) return `[${value.map((v) => shapeOf(v, depth + 1, seen)).join(',')}]`;
  const ctor = (value as { constructor?: { name?: string } }).constructor?.name;
  if (ctor !== undefined && ctor !== 'Object') return `<${ctor}>`;
  const record = value as Record<string, unknown>;
  return `{${Object.keys(record)
    .sort()
    .map((k) => `${k}:${shapeOf(record[k], depth + 1, seen)}`)
    .join(',')}}`;
}

const balanceOf = (outcome: PollOutcome, asset: string) =>
  outcome.status === 'ok' ? outcome.balances.lines.find((l) => l.asset === asset)?.total : undefined;

describe.each(DOUBLE_VENUES)('%s: polls on pooled ccxt instances', (venueId: DoubleVenue) => {
  const spec = SPECS[venueId];
  const [base = '', quote = ''] = SAMPLE_SYMBOL[venueId].split('/');
  let venue: ExchangeDouble;
  let adapter: ExchangeAdapter;
  const built: Exchange[] = [];

  const onboard = (label: string, balances: Record<string, string>): ExchangeCredentials => {
    const credentials = sampleCredentials(venueId, label);
    venue.addKey({ ...sampleKey(venueId, credentials, 'read_only'), balances });
    return credentials;
  };

  beforeAll(async () => {
    // Kraken and Gemini sign with a millisecond nonce that must grow per key; with instances no
    // longer built between polls, a loopback double answering in microseconds would see one key's
    // polls inside one millisecond, which no real venue's round trip allows.
    venue = await startExchangeDouble(venueId, { latencyMs: 2 });
    // The venue's own spec, counting the instances it builds.
    const counting = {
      ...spec,
      construct: (config: Parameters<typeof spec.construct>[0]) => {
        const exchange = spec.construct(config);
        built.push(exchange);
        return exchange;
      },
    };
    adapter = ccxtAdapter(counting, { baseUrl: venue.url, enableRateLimit: false });
  });
  afterAll(async () => venue.close());

  it('should serve key after key from one instance, each poll reading only its own account', async () => {
    const first = onboard('first', { [base]: '0.50000000', [quote]: '1234.56' });
    const second = onboard('second', { [base]: '2.00000000', [quote]: '99.5' });
    const a = await adapter.poll(first, undefined, undefined);
    const b = await adapter.poll(second, undefined, undefined);
    const again = await adapter.poll(first, undefined, undefined);
    expect([a, b, again].map((o) => (o.status === 'failed' ? o.failure.message : o.status))).toEqual(['ok', 'ok', 'ok']);
    expect(Number(balanceOf(a, base))).toBe(0.5);
    expect(Number(balanceOf(b, base))).toBe(2);
    expect(Number(balanceOf(b, quote))).toBe(99.5);
    expect(Number(balanceOf(again, base))).toBe(0.5);
    // Polls run one after another here, so one instance served all three.
    expect(built).toHaveLength(1);
  });

  it('should read a revoked key as revoked after another key polled on the same instance, as a new instance would', async () => {
    const good = onboard('good', { [base]: '1' });
    const revoked = onboard('revoked', { [base]: '1' });
    venue.revoke(revoked.apiKey);
    // What a never-used instance makes of the revoked key (a separate adapter builds its own).
    const fresh = await ccxtAdapter(spec, { baseUrl: venue.url, enableRateLimit: false }).poll(revoked, undefined, undefined);
    expect((await adapter.poll(good, undefined, undefined)).status).toBe('ok');
    const reused = await adapter.poll(revoked, undefined, undefined);
    // ccxt's Binance raises -2015 as DDoSProtection once an instance has authenticated (the venue's
    // classification reads the code either way): whatever an instance did before, the outcome is a new one's.
    expect(reused.status).toBe(fresh.status);
    if (reused.status === 'failed' && fresh.status === 'failed') expect(reused.failure.kind).toBe(fresh.failure.kind);
    if (reused.status === 'scope_refused' && fresh.status === 'scope_refused')
      expect(reused.scope.verdict).toBe(fresh.scope.verdict);
    expect(built).toHaveLength(1);
  });

  it('should give an instance back as it was built: no key, and nothing read with one', async () => {
    const key = onboard('inspected', { [base]: '3' });
    const outcome = await adapter.poll(key, undefined, undefined);
    expect(outcome.status === 'failed' ? outcome.failure : outcome.status).toBe('ok');
    // The lease is given back once nothing is in flight; the poll's answer does not wait for that.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const pooled = built[0] as unknown as Record<string, unknown>;
    const pristine = buildInstance(spec, { baseUrl: venue.url, enableRateLimit: false }, false, {
      state: freshRequestState({}),
    });
    await pristine.loadFetchImplementation();
    const expected = pristine as unknown as Record<string, unknown>;
    expect(Object.keys(pooled).sort()).toEqual(Object.keys(expected).sort());
    const differing = Object.keys(expected).filter((k) => shapeOf(pooled[k]) !== shapeOf(expected[k]));
    expect(differing).toEqual([]);
    const everything = Object.values(pooled)
      .map((v) => shapeOf(v))
      .join('\n');
    for (const secret of [key.apiKey, key.secret, key.passphrase]) expect(everything).not.toContain(secret);
  });

  it('should keep twenty keys polled at once apart, then serve them again from the instances it built', async () => {
    const keys = Array.from({ length: 20 }, (_, i) => ({
      credentials: onboard(`many-${i}`, { [base]: `${i + 1}` }),
      amount: i + 1,
    }));
    const builtBy: number[] = [];
    for (let round = 0; round < 2; round++) {
      const before = built.length;
      const outcomes = await Promise.all(keys.map((k) => adapter.poll(k.credentials, undefined, undefined)));
      expect(outcomes.map((o, i) => Number(balanceOf(o, base)) - keys[i]!.amount)).toEqual(keys.map(() => 0));
      builtBy.push(built.length - before);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // Round one: the one idle instance and 19 new ones; round two: the 16 the pool keeps idle, and 4 new.
    expect(builtBy).toEqual([19, 4]);
  });

  it('should share the markets it loaded with every later poll, rebuilding none and leaving them as loaded', async () => {
    const markets = new MarketCache(3_600_000);
    let rebuilt = 0;
    const observed = {
      ...spec,
      construct: (config: Parameters<typeof spec.construct>[0]) => {
        const exchange = spec.construct(config);
        // ccxt's setMarkets builds every market anew (80-90 ms at 2,500 markets); count its calls.
        const setMarkets = exchange.setMarkets.bind(exchange);
        exchange.setMarkets = ((...args: Parameters<typeof setMarkets>) => {
          rebuilt++;
          return setMarkets(...args);
        }) as typeof exchange.setMarkets;
        return exchange;
      },
    };
    const sharing = ccxtAdapter(observed, { baseUrl: venue.url, enableRateLimit: false, markets });
    const keys = ['a', 'b', 'c', 'd'].map((k, i) => onboard(`markets-${k}`, { [base]: `${i + 1}` }));
    expect((await sharing.poll(keys[0]!, undefined, undefined)).status).toBe('ok');
    const loaded = markets.cached(false);
    expect(Object.keys(loaded ?? {})).toContain(SAMPLE_SYMBOL[venueId]);
    const asLoaded = shapeOf(loaded);
    const rebuiltByLoad = rebuilt;
    // Polls at once on instances of their own (one key is never polled twice at once), then again.
    const later = await Promise.all(keys.map((k) => sharing.poll(k, undefined, undefined)));
    later.push(await sharing.poll(keys[1]!, undefined, undefined));
    expect(later.map((o, i) => [i, Number(balanceOf(o, base))])).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
      [4, 2],
    ]);
    expect(rebuilt).toBe(rebuiltByLoad);
    expect(markets.cached(false)).toBe(loaded);
    expect(shapeOf(markets.cached(false))).toBe(asLoaded);
  });
});
