import { createInstance, type InstanceRecipe } from '@vigil/server/modules/holdings/exchanges/ccxt-instance';
import { InstancePool } from '@vigil/server/modules/holdings/exchanges/ccxt-instance-pool';

/** ccxt's Exchange, as the server's instance helpers take it (the bench does not depend on ccxt). */
type Exchange = ReturnType<typeof createInstance>['exchange'];
import { binanceVenue } from '@vigil/server/modules/holdings/exchanges/venues/binance.venue';
import { bybitVenue } from '@vigil/server/modules/holdings/exchanges/venues/bybit.venue';
import { coinbaseVenue } from '@vigil/server/modules/holdings/exchanges/venues/coinbase.venue';
import { geminiVenue } from '@vigil/server/modules/holdings/exchanges/venues/gemini.venue';
import { krakenVenue } from '@vigil/server/modules/holdings/exchanges/venues/kraken.venue';
import { kucoinVenue } from '@vigil/server/modules/holdings/exchanges/venues/kucoin.venue';
import { okxVenue } from '@vigil/server/modules/holdings/exchanges/venues/okx.venue';

// What a ccxt instance costs a call, per venue, on the adapters' own paths, side by side: building
// one (createInstance: construction, base-URL override, instrumentation; what onboarding pays per
// call) against leasing one from the pool and giving it back (the reset to the instance as built;
// what a poll pays once the pool holds an idle instance).

const credentials = { apiKey: 'account-bench-instance-cost', secret: 'c2VjcmV0LXNlY3JldC1zZWNyZXQ=', passphrase: 'Pass-bench' };
const options = { baseUrl: 'http://127.0.0.1:9' };

const RECIPES: Record<string, InstanceRecipe<Exchange>> = {
  binance: binanceVenue,
  coinbase: coinbaseVenue,
  kraken: krakenVenue,
  okx: okxVenue,
  bybit: bybitVenue,
  kucoin: kucoinVenue,
  gemini: geminiVenue,
} as unknown as Record<string, InstanceRecipe<Exchange>>;

function cpuMsPerCall(count: number, call: () => void): number {
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < count; i++) call();
  const cpu = process.cpuUsage(cpu0);
  return (cpu.user + cpu.system) / 1000 / count;
}

async function cpuMsPerLease(pool: InstancePool<Exchange>, count: number): Promise<number> {
  const lendAndReturn = async () => (await pool.lease(credentials, {})).release();
  for (let i = 0; i < 3; i++) await lendAndReturn();
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < count; i++) await lendAndReturn();
  const cpu = process.cpuUsage(cpu0);
  return (cpu.user + cpu.system) / 1000 / count;
}

export type InstanceCost = { venue: string; cpuMs: number; leaseCpuMs: number; rateLimitMs: number };

export async function measureInstanceCost(venues: readonly string[], count = 20): Promise<InstanceCost[]> {
  const out: InstanceCost[] = [];
  for (const venue of venues) {
    const recipe = RECIPES[venue];
    if (!recipe) continue;
    const build = () => createInstance(recipe, credentials, options).exchange;
    for (let i = 0; i < 3; i++) build();
    const cpuMs = cpuMsPerCall(count, build);
    const leaseCpuMs = await cpuMsPerLease(new InstancePool(recipe, options), count);
    out.push({ venue, cpuMs, leaseCpuMs, rateLimitMs: build().rateLimit ?? 0 });
  }
  return out;
}

export type MarketSharingCost = { markets: number; rebuildMs: number; shareMs: number };

/**
 * What giving a poll's instance the venue's markets costs, at Binance spot's size (the doubles serve
 * two markets, which hides it): ccxt's setMarkets from a cached list, which rebuilds every market,
 * against setMarketsFromExchange, which shares the loaded tables (what MarketCache does).
 */
export function measureMarketSharing(markets = 2500, count = 10): MarketSharingCost {
  const build = () => createInstance(RECIPES.binance!, credentials, options).exchange;
  const source = build();
  const listed: Record<string, unknown> = {};
  for (let i = 0; i < markets; i++) {
    const base = `C${i}`;
    listed[`${base}/USDT`] = {
      id: `${base}USDT`,
      symbol: `${base}/USDT`,
      base,
      quote: 'USDT',
      baseId: base,
      quoteId: 'USDT',
      active: true,
      type: 'spot',
      spot: true,
      precision: { amount: 1e-5, price: 0.01 },
      limits: { amount: { min: 1e-5, max: 9000 }, price: { min: 0.01, max: 1e6 }, cost: { min: 5 } },
      info: { symbol: `${base}USDT`, status: 'TRADING', filters: [{ filterType: 'LOT_SIZE', stepSize: '0.00001' }] },
    };
  }
  (source.setMarkets as (m: unknown) => unknown).call(source, listed);
  // Instances built beforehand: only giving them markets is measured.
  const perCall = (give: (target: Exchange) => unknown) => {
    const targets = Array.from({ length: count }, build);
    let next = 0;
    return cpuMsPerCall(count, () => give(targets[next++]!));
  };
  return {
    markets,
    rebuildMs: perCall((t) => (t.setMarkets as (m: unknown, c?: unknown) => unknown).call(t, source.markets, source.currencies)),
    shareMs: perCall((t) => t.setMarketsFromExchange(source)),
  };
}
