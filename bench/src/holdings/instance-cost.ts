import { createInstance } from '@vigil/server/modules/holdings/exchanges/ccxt-instance';
import { binanceVenue } from '@vigil/server/modules/holdings/exchanges/venues/binance.venue';
import { bybitVenue } from '@vigil/server/modules/holdings/exchanges/venues/bybit.venue';
import { coinbaseVenue } from '@vigil/server/modules/holdings/exchanges/venues/coinbase.venue';
import { geminiVenue } from '@vigil/server/modules/holdings/exchanges/venues/gemini.venue';
import { krakenVenue } from '@vigil/server/modules/holdings/exchanges/venues/kraken.venue';
import { kucoinVenue } from '@vigil/server/modules/holdings/exchanges/venues/kucoin.venue';
import { okxVenue } from '@vigil/server/modules/holdings/exchanges/venues/okx.venue';

// What building one ccxt instance costs, per venue, on the adapters' own path (createInstance:
// construction, base-URL override, instrumentation). The poller builds one per adapter call, so
// this is paid per call, and the throttle ccxt puts on each instance (rateLimit) starts afresh.

const credentials = { apiKey: 'account-bench-instance-cost', secret: 'c2VjcmV0LXNlY3JldC1zZWNyZXQ=', passphrase: 'Pass-bench' };
const options = { baseUrl: 'http://127.0.0.1:9' };

// Each builder returns the instance's throttle interval (ccxt's rateLimit, in ms).
const BUILD: Record<string, () => number | undefined> = {
  binance: () => createInstance(binanceVenue, credentials, options).exchange.rateLimit,
  coinbase: () => createInstance(coinbaseVenue, credentials, options).exchange.rateLimit,
  kraken: () => createInstance(krakenVenue, credentials, options).exchange.rateLimit,
  okx: () => createInstance(okxVenue, credentials, options).exchange.rateLimit,
  bybit: () => createInstance(bybitVenue, credentials, options).exchange.rateLimit,
  kucoin: () => createInstance(kucoinVenue, credentials, options).exchange.rateLimit,
  gemini: () => createInstance(geminiVenue, credentials, options).exchange.rateLimit,
};

export type InstanceCost = { venue: string; cpuMs: number; rateLimitMs: number };

export function measureInstanceCost(venues: readonly string[], count = 20): InstanceCost[] {
  return venues.flatMap((venue) => {
    const build = BUILD[venue];
    if (!build) return [];
    for (let i = 0; i < 3; i++) build();
    const cpu0 = process.cpuUsage();
    let rateLimitMs = 0;
    for (let i = 0; i < count; i++) rateLimitMs = build() ?? 0;
    const cpu = process.cpuUsage(cpu0);
    return [{ venue, cpuMs: (cpu.user + cpu.system) / 1000 / count, rateLimitMs }];
  });
}
