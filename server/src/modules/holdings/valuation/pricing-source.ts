import ccxt, { type ConstructorArgs, type Exchange } from 'ccxt';
import { applyBaseUrlOverride } from '../exchanges/base-url-override';
import type { DecimalString, VenueId } from '../exchanges/exchange-adapter';
import { pricingSymbols, tickerPrice } from './pricing-symbols';

/** One asset's price in the reference currency, as the venue quoted it. */
export type PriceQuote = { asset: string; price: DecimalString };

/**
 * The port to market data. It is asked for assets and a quote currency only: never who holds them
 * (H17), and with no credentials, so a request to the venue names no person and no key.
 */
export type PricingSource = {
  venue: VenueId;
  /** Prices of the assets the venue quotes against `quote`; the others are left out (unpriced). */
  quotes(assets: readonly string[], quote: string): Promise<PriceQuote[]>;
};

/** A pricing venue that failed; the message is built here (venue, ccxt class), never from the venue's text. */
export class PricingFailure extends Error {
  override readonly name = 'PricingFailure';
}

export type PricingSourceOptions = {
  /** EXCHANGE_API_BASE_<VENUE>: every URL group rewritten to it, paths kept. */
  baseUrl?: string;
  timeoutMs?: number;
  /** How long the venue's market list is reused before it is read again (default one hour). */
  marketsTtlMs?: number;
  /** Sees every URL ccxt is about to call (tests prove nothing but public market data leaves). */
  onRequest?: (url: string, method: string) => void;
};

const TICKERS_PER_REQUEST = 50;

type ExchangeClass = new (config: ConstructorArgs) => Exchange;

function exchangeClass(venue: VenueId): ExchangeClass {
  const ctor = (ccxt as unknown as Record<string, ExchangeClass | undefined>)[venue];
  if (ctor === undefined) throw new Error(`ccxt has no ${venue}`);
  return ctor;
}

/**
 * Public tickers of one venue through ccxt. The instance is built without apiKey or secret, so
 * ccxt cannot sign and sends public requests only; with no credentials in it, it is safe to keep
 * for the process (unlike a key's instance), and its market list is reused for an hour.
 */
export function ccxtPricingSource(venue: VenueId, options: PricingSourceOptions = {}): PricingSource {
  const exchange = new (exchangeClass(venue))({ enableRateLimit: true, timeout: options.timeoutMs ?? 15_000 });
  if (options.baseUrl !== undefined) applyBaseUrlOverride(exchange, options.baseUrl);
  // Prices as the venue wrote them: ccxt's parsers hand strings to `number`.
  exchange.number = String as unknown as (numberString: string) => number;
  if (options.onRequest !== undefined) {
    const fetch = exchange.fetch.bind(exchange);
    const onRequest = options.onRequest;
    exchange.fetch = (url, method, headers, body) => {
      onRequest(String(url), String(method ?? 'GET'));
      return fetch(url, method, headers, body);
    };
  }
  const ttl = options.marketsTtlMs ?? 3_600_000;
  let marketsAt = 0;

  const call = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (err) {
      const kind = err instanceof Error ? err.constructor.name : 'Error';
      throw new PricingFailure(`${venue}: ${what} failed (${kind})`);
    }
  };

  return {
    venue,
    async quotes(assets, quote) {
      const now = Date.now();
      const reload = now - marketsAt >= ttl;
      await call('markets', () => exchange.loadMarkets(reload));
      if (reload) marketsAt = now;
      const symbols = pricingSymbols(assets, quote, exchange.markets);
      const out: PriceQuote[] = [];
      for (let i = 0; i < symbols.length; i += TICKERS_PER_REQUEST) {
        const batch = symbols.slice(i, i + TICKERS_PER_REQUEST);
        const tickers = exchange.has.fetchTickers
          ? await call('tickers', () => exchange.fetchTickers(batch.map((s) => s.symbol)))
          : Object.fromEntries(
              await Promise.all(batch.map(async (s) => [s.symbol, await call('ticker', () => exchange.fetchTicker(s.symbol))])),
            );
        for (const { asset, symbol } of batch) {
          const price = tickerPrice(tickers[symbol]);
          if (price !== undefined) out.push({ asset, price });
        }
      }
      return out;
    },
  };
}
