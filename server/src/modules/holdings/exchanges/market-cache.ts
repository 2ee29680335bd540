import type { Exchange } from 'ccxt';

// Markets and currencies are the venue's, not a key's: one adapter loads them once per TTL and
// hands them to every per-call instance (setMarkets), instead of each poll re-reading and
// re-parsing the venue's whole market list (megabytes at Binance). Kept apart for testnets.

type Entry = { at: number; markets: Exchange['markets']; currencies: Exchange['currencies'] };

export class MarketCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly ttlMs: number) {}

  /** Loads markets on the instance, from the cache when fresh; a 0 TTL always asks the venue. */
  async load(exchange: Exchange, sandbox: boolean): Promise<void> {
    const key = sandbox ? 'sandbox' : 'live';
    const entry = this.entries.get(key);
    const now = Date.now();
    if (this.ttlMs > 0 && entry !== undefined && now - entry.at < this.ttlMs) {
      // ccxt's typings give setMarkets' second parameter the type `undefined`; the code takes currencies.
      const setMarkets = exchange.setMarkets as (markets: unknown, currencies?: unknown) => unknown;
      setMarkets.call(exchange, entry.markets, entry.currencies);
      return;
    }
    await exchange.loadMarkets();
    if (this.ttlMs > 0) this.entries.set(key, { at: now, markets: exchange.markets, currencies: exchange.currencies });
  }
}
