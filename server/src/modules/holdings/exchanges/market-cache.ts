import type { Exchange } from 'ccxt';

// Markets and currencies are the venue's, not a key's: one adapter loads them once per TTL and
// shares them with every per-call instance, instead of each poll re-reading the venue's whole
// market list (megabytes at Binance). Kept apart for testnets.
//
// Shared by reference, with ccxt's own `setMarketsFromExchange` (made for instances of one
// exchange sharing markets): `setMarkets` from a cached list rebuilds every market on each call,
// 60-89 ms of CPU per poll at 2,500 markets (Binance spot's size; `pnpm bench`, "holdings (b)"),
// where sharing costs microseconds. It also carries the helpers a venue keeps beside its markets
// in `options` (Kraken's markets by altname), which setMarkets did not.

/**
 * What setMarketsFromExchange reads from its source: the market tables and the option helpers.
 * Held apart from the instance that loaded them: pooled instances are reset after each poll.
 */
type MarketSource = Pick<
  Exchange,
  | 'id'
  | 'markets'
  | 'markets_by_id'
  | 'symbols'
  | 'ids'
  | 'currencies'
  | 'currencies_by_id'
  | 'baseCurrencies'
  | 'quoteCurrencies'
  | 'codes'
> & { options: Record<string, unknown> };

type Entry = { at: number; source: MarketSource };

function sourceOf(exchange: Exchange): MarketSource {
  const options = exchange.options as Record<string, unknown>;
  const helpers = Array.isArray(options.marketHelperProps) ? (options.marketHelperProps as string[]) : [];
  return {
    id: exchange.id,
    markets: exchange.markets,
    markets_by_id: exchange.markets_by_id,
    symbols: exchange.symbols,
    ids: exchange.ids,
    currencies: exchange.currencies,
    currencies_by_id: exchange.currencies_by_id,
    baseCurrencies: exchange.baseCurrencies,
    quoteCurrencies: exchange.quoteCurrencies,
    codes: exchange.codes,
    options: Object.fromEntries([['marketHelperProps', helpers], ...helpers.map((h) => [h, options[h]])]),
  };
}

export class MarketCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly ttlMs: number) {}

  /** Loads markets on the instance, shared from the cache when fresh; a 0 TTL always asks the venue. */
  async load(exchange: Exchange, sandbox: boolean): Promise<void> {
    const key = sandbox ? 'sandbox' : 'live';
    const entry = this.entries.get(key);
    const now = Date.now();
    if (this.ttlMs > 0 && entry !== undefined && now - entry.at < this.ttlMs) {
      exchange.setMarketsFromExchange(entry.source as unknown as Exchange);
      return;
    }
    await exchange.loadMarkets();
    if (this.ttlMs > 0) this.entries.set(key, { at: now, source: sourceOf(exchange) });
  }

  /** The markets an instance would be given now (tests check that polls leave them as they were). */
  cached(sandbox: boolean): Exchange['markets'] | undefined {
    return this.entries.get(sandbox ? 'sandbox' : 'live')?.source.markets;
  }
}
