import type { Env } from '@/config/env';
import { exchangeBaseUrlsFromEnv } from '@/config/exchange-api-base';
import type { ExchangeAdapter } from './exchanges/exchange-adapter';
import { adapterFor, EXCHANGE_VENUES, isVenueId } from './exchanges/exchange-venues';

export type ExchangeDirectory = {
  adapterFor(venue: string): ExchangeAdapter | undefined;
  all(): ExchangeAdapter[];
};

const byEnv = new WeakMap<Env, ExchangeDirectory>();

/**
 * The supported venues as this process is configured (EXCHANGE_API_BASE_* settings applied),
 * built once per parsed config. Adapters hold no credentials: each call takes its own.
 */
export function exchangeDirectory(env: Env): ExchangeDirectory {
  let directory = byEnv.get(env);
  if (!directory) {
    const baseUrls = exchangeBaseUrlsFromEnv(env);
    const adapters = new Map(EXCHANGE_VENUES.map((v) => [v, adapterFor(v, { baseUrls })]));
    directory = {
      adapterFor: (venue) => (isVenueId(venue) ? adapters.get(venue) : undefined),
      all: () => [...adapters.values()],
    };
    byEnv.set(env, directory);
  }
  return directory;
}
