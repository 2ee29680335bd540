import type { DecimalString } from '../exchanges/exchange-adapter';

// Which tickers price which held assets, and what a ticker's price is. Pure: unit-tested.

/** The reference currency itself is worth 1 by definition and is never asked for. */
export const isReferenceCurrency = (asset: string, quote: string): boolean => asset === quote;

export type PricedSymbol = { asset: string; symbol: string };

type MarketLike = { spot?: boolean; active?: boolean | undefined } | undefined;

/**
 * The venue's `<ASSET>/<QUOTE>` spot market for each held asset that has one (stablecoins
 * included: USDT is priced from USDT/USD like any asset, never assumed to be 1). An asset the
 * venue does not list against the quote is left out: it stays unpriced, never zero.
 */
export function pricingSymbols(
  assets: readonly string[],
  quote: string,
  markets: Readonly<Record<string, MarketLike>> | undefined,
): PricedSymbol[] {
  const out: PricedSymbol[] = [];
  for (const asset of new Set(assets)) {
    if (isReferenceCurrency(asset, quote)) continue;
    const symbol = `${asset}/${quote}`;
    const market = markets?.[symbol];
    if (market === undefined || market.spot === false || market.active === false) continue;
    out.push({ asset, symbol });
  }
  return out.sort((a, b) => a.symbol.localeCompare(b.symbol));
}

const POSITIVE_DECIMAL = /^\d+(\.\d+)?$/;

/**
 * A ticker's price: its last trade, else its close, as the decimal string the venue wrote. Anything
 * else (missing, zero, negative, a float ccxt computed) is no price: the asset stays unpriced.
 */
export function tickerPrice(ticker: unknown): DecimalString | undefined {
  if (ticker === null || typeof ticker !== 'object') return undefined;
  const { last, close } = ticker as { last?: unknown; close?: unknown };
  for (const candidate of [last, close]) {
    if (typeof candidate === 'string' && POSITIVE_DECIMAL.test(candidate) && /[1-9]/.test(candidate)) return candidate;
  }
  return undefined;
}
