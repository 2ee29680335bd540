import type { MikroORM } from '@mikro-orm/postgresql';
import { inScopedTransaction } from '@/lib/db/request-db';
import type { Logger } from '@/lib/logger';
import type { PricingSource } from './pricing-source';
import { heldAssetsSql, insertPricesSql } from './valuation.queries';

export type PriceRefreshDeps = {
  orm: MikroORM;
  source: PricingSource;
  /** REFERENCE_CURRENCY. */
  quote: string;
  logger: Logger;
};

export type PriceRefreshOutcome =
  | { outcome: 'ok'; asked: number; stored: number }
  | { outcome: 'nothing_held' }
  | { outcome: 'failed'; asked: number; error: string };

// Asset codes as venues and token lists write them. Anything else is never sent to the pricing
// venue and stays unpriced.
const ASSET_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;

/**
 * One refresh: the assets held now (read as vigil_system: across organizations, only the codes),
 * their tickers from the pricing venue (outside any transaction), then one insert at one time.
 * A venue failure writes nothing: the last prices stay, and values stay "as of" their time.
 */
export async function refreshPrices(deps: PriceRefreshDeps): Promise<PriceRefreshOutcome> {
  const scope = { role: 'vigil_system', source: 'holdings.prices' } as const;
  const held = await inScopedTransaction(deps.orm, scope, (em) => em.execute<{ asset: string }[]>(heldAssetsSql()));
  const assets = held.map((r) => r.asset).filter((a) => ASSET_CODE.test(a));
  if (assets.length === 0) return { outcome: 'nothing_held' };
  let quotes;
  try {
    quotes = await deps.source.quotes(assets, deps.quote);
  } catch (err) {
    const error = err instanceof Error ? err.message : 'pricing failed';
    deps.logger.warn({ venue: deps.source.venue, assets: assets.length, error }, 'price refresh failed; the last prices stay');
    return { outcome: 'failed', asked: assets.length, error };
  }
  if (quotes.length === 0) return { outcome: 'ok', asked: assets.length, stored: 0 };
  const at = new Date();
  await inScopedTransaction(deps.orm, scope, (em) => em.execute(insertPricesSql(quotes, deps.quote, at, deps.source.venue)));
  return { outcome: 'ok', asked: assets.length, stored: quotes.length };
}
