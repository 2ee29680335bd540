import type { Env } from '@/config/env';
import { exchangeBaseUrlsFromEnv } from '@/config/exchange-api-base';
import type { ExchangeAdapter } from './exchanges/exchange-adapter';
import { adapterFor, EXCHANGE_VENUES, isVenueId } from './exchanges/exchange-venues';

export type ExchangeDirectory = {
  adapterFor(venue: string): ExchangeAdapter | undefined;
  all(): ExchangeAdapter[];
};

const byEnv = new WeakMap<Env, ExchangeDirectory>();
const forPollingByEnv = new WeakMap<Env, ExchangeDirectory>();

function build(env: Env, enableRateLimit: boolean): ExchangeDirectory {
  const baseUrls = exchangeBaseUrlsFromEnv(env);
  const adapters = new Map(EXCHANGE_VENUES.map((v) => [v, adapterFor(v, { baseUrls, enableRateLimit })]));
  return {
    adapterFor: (venue) => (isVenueId(venue) ? adapters.get(venue) : undefined),
    all: () => [...adapters.values()],
  };
}

/**
 * The supported venues as this process is configured (EXCHANGE_API_BASE_* settings applied),
 * built once per parsed config. Adapters hold no credentials: each call takes its own. ccxt's
 * per-instance throttle stays on here (onboarding, one key at a time, has no other limiter).
 */
export function exchangeDirectory(env: Env): ExchangeDirectory {
  let directory = byEnv.get(env);
  if (!directory) byEnv.set(env, (directory = build(env, true)));
  return directory;
}

/**
 * The same venues for the poller: ccxt's throttle off (`enableRateLimit: false`). It spaced the
 * calls of each fresh instance by the venue's rateLimit (a Kraken poll slept ~4 s) and knew
 * nothing of other polls; the poller's own limiter (polling/venue-limits.ts, shared through
 * Redis) paces every request of every worker instead, through the adapter's RequestGuard.
 */
export function pollingExchangeDirectory(env: Env): ExchangeDirectory {
  let directory = forPollingByEnv.get(env);
  if (!directory) forPollingByEnv.set(env, (directory = build(env, false)));
  return directory;
}
