import type { Env } from '@/config/env';
import { exchangeBaseUrlsFromEnv } from '@/config/exchange-api-base';
import type { CoreDeps } from '@/core/deps';
import { handleJob, type JobHandler, type RecurringSchedule } from '@/lib/queue/job-definition';
import { refreshPricesJob } from './price-jobs';
import { refreshPrices } from './price-refresh';
import { ccxtPricingSource, type PricingSource } from './pricing-source';

const byEnv = new WeakMap<Env, PricingSource | null>();

/**
 * The configured pricing venue (PRICING_VENUE, through its EXCHANGE_API_BASE_<VENUE>), one per
 * parsed config; null when valuation is off (`none`), or under test without a base URL: a test
 * suite never reaches a real venue.
 */
export function pricingSourceFor(env: Env): PricingSource | null {
  let source = byEnv.get(env);
  if (source === undefined) {
    const venue = env.PRICING_VENUE;
    const baseUrl = venue === 'none' ? undefined : exchangeBaseUrlsFromEnv(env)[venue];
    source =
      venue === 'none' || (env.NODE_ENV === 'test' && baseUrl === undefined)
        ? null
        : ccxtPricingSource(venue, baseUrl !== undefined ? { baseUrl } : {});
    byEnv.set(env, source);
  }
  return source;
}

/** Prices are refreshed once per poll interval: a value is never older than the balances it multiplies by much. */
export const priceSchedules = (env: Env): RecurringSchedule[] =>
  env.PRICING_VENUE === 'none' ? [] : [{ job: refreshPricesJob, everyMs: env.POLL_INTERVAL_SECONDS * 1000 }];

export function priceHandlers(deps: CoreDeps): JobHandler[] {
  return [
    handleJob(refreshPricesJob, async (_payload, ctx) => {
      const source = pricingSourceFor(deps.env);
      if (source === null) return;
      const result = await refreshPrices({
        orm: deps.orm,
        source,
        quote: deps.env.REFERENCE_CURRENCY,
        logger: ctx.logger,
      });
      ctx.logger.debug(result, 'prices refreshed');
    }),
  ];
}
