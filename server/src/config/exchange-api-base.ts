import { z } from 'zod';

// The per-venue API base settings (holdings' exchange adapters read them). config/env.ts spreads
// EXCHANGE_API_BASE_ENV into its object schema; nothing here reads process.env.

type VenueId = 'binance' | 'coinbase' | 'kraken' | 'okx' | 'bybit' | 'kucoin' | 'gemini';

const base = (venue: string) =>
  z
    .url({ protocol: /^https?$/ })
    .optional()
    .describe(
      `Replaces every ccxt URL group of ${venue} with this origin (and path prefix), paths kept: ` +
        'a regional host, or a local double in tests and demo mode.',
    );

export const EXCHANGE_API_BASE_ENV = {
  EXCHANGE_API_BASE_BINANCE: base('Binance'),
  EXCHANGE_API_BASE_COINBASE: base('Coinbase Advanced Trade'),
  EXCHANGE_API_BASE_KRAKEN: base('Kraken'),
  EXCHANGE_API_BASE_OKX: base('OKX'),
  EXCHANGE_API_BASE_BYBIT: base('Bybit'),
  EXCHANGE_API_BASE_KUCOIN: base('KuCoin'),
  EXCHANGE_API_BASE_GEMINI: base('Gemini'),
};

export type ExchangeApiBaseEnv = { [K in keyof typeof EXCHANGE_API_BASE_ENV]?: string | undefined };

export type ExchangeBaseUrls = Partial<Record<VenueId, string>>;

/** The parsed settings as the { binance: 'http://127.0.0.1:9001', ... } map adapters take. */
export function exchangeBaseUrlsFromEnv(env: ExchangeApiBaseEnv): ExchangeBaseUrls {
  const entries: [VenueId, string | undefined][] = [
    ['binance', env.EXCHANGE_API_BASE_BINANCE],
    ['coinbase', env.EXCHANGE_API_BASE_COINBASE],
    ['kraken', env.EXCHANGE_API_BASE_KRAKEN],
    ['okx', env.EXCHANGE_API_BASE_OKX],
    ['bybit', env.EXCHANGE_API_BASE_BYBIT],
    ['kucoin', env.EXCHANGE_API_BASE_KUCOIN],
    ['gemini', env.EXCHANGE_API_BASE_GEMINI],
  ];
  return Object.fromEntries(entries.filter((entry): entry is [VenueId, string] => entry[1] !== undefined));
}
