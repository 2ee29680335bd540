import type { ExchangeAdapter, OnboardingSteps, VenueId } from './exchange-adapter';
import type { InstanceOptions } from './ccxt-instance';
import type { ExchangeBaseUrls } from '@/config/exchange-api-base';
import { ccxtAdapter } from './ccxt-venue';
import { binanceVenue } from './venues/binance.venue';
import { bybitVenue } from './venues/bybit.venue';
import { coinbaseVenue } from './venues/coinbase.venue';
import { geminiVenue } from './venues/gemini.venue';
import { krakenVenue } from './venues/kraken.venue';
import { kucoinVenue } from './venues/kucoin.venue';
import { okxVenue } from './venues/okx.venue';

// The venue registry: adding a venue is one venues/<venue>.venue.ts and one line here.

type AdapterFactory = (options: InstanceOptions & { marketCacheMs?: number }) => ExchangeAdapter;

const FACTORIES: Record<VenueId, AdapterFactory> = {
  binance: (options) => ccxtAdapter(binanceVenue, options),
  coinbase: (options) => ccxtAdapter(coinbaseVenue, options),
  kraken: (options) => ccxtAdapter(krakenVenue, options),
  okx: (options) => ccxtAdapter(okxVenue, options),
  bybit: (options) => ccxtAdapter(bybitVenue, options),
  kucoin: (options) => ccxtAdapter(kucoinVenue, options),
  gemini: (options) => ccxtAdapter(geminiVenue, options),
};

export const EXCHANGE_VENUES = Object.keys(FACTORIES) as VenueId[];

export function isVenueId(value: string): value is VenueId {
  return Object.hasOwn(FACTORIES, value);
}

export type AdapterSettings = {
  /** EXCHANGE_API_BASE_* as parsed: venue -> base URL. */
  baseUrls?: ExchangeBaseUrls;
  /** Leave ccxt's per-instance throttle on (default) or let the caller's limiter pace calls. */
  enableRateLimit?: boolean;
  timeoutMs?: number;
  onRequest?: InstanceOptions['onRequest'];
  /** How long an adapter reuses a venue's markets across calls (default one hour; 0: never). */
  marketCacheMs?: number;
};

export function adapterFor(venue: VenueId, settings: AdapterSettings = {}): ExchangeAdapter {
  const baseUrl = settings.baseUrls?.[venue];
  return FACTORIES[venue]({
    ...(baseUrl !== undefined ? { baseUrl } : {}),
    ...(settings.enableRateLimit !== undefined ? { enableRateLimit: settings.enableRateLimit } : {}),
    ...(settings.timeoutMs !== undefined ? { timeoutMs: settings.timeoutMs } : {}),
    ...(settings.onRequest !== undefined ? { onRequest: settings.onRequest } : {}),
    ...(settings.marketCacheMs !== undefined ? { marketCacheMs: settings.marketCacheMs } : {}),
  });
}

/** The onboarding steps of every venue, for the console's onboarding page. */
export function onboardingSteps(): OnboardingSteps[] {
  return EXCHANGE_VENUES.map((venue) => adapterFor(venue).onboarding);
}
