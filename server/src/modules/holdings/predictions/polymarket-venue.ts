import { z } from 'zod';
import { boundedGet } from './bounded-get';
import { canonicalDecimal } from './decimal-text';
import { parseJsonKeepingNumbers } from './lossless-json';
import {
  PredictionVenueError,
  PredictionVenueRateLimited,
  type PredictionPosition,
  type PredictionVenue,
} from './prediction-venue';

export type PolymarketVenueOptions = {
  /** Data API base, e.g. https://data-api.polymarket.com (config: POLYMARKET_API_BASE). */
  baseUrl: string;
  timeoutMs?: number;
  /** Per page, decoded. */
  maxBytes?: number;
  /** The API's largest page is 500. */
  pageSize?: number;
  /** More than this is refused rather than stored in part. */
  maxPositions?: number;
};

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const NAME = 'Polymarket';

/** A JSON number (see lossless-json.ts) as a canonical decimal, not negative. */
const amount = z
  .object({ $n: z.string().max(200) })
  .strict()
  .transform((v, ctx) => {
    const d = canonicalDecimal(v.$n);
    if (d === undefined || d.startsWith('-')) {
      ctx.addIssue({ code: 'custom', message: 'is not a non-negative decimal' });
      return z.NEVER;
    }
    return d;
  });

// The fields of Data API `GET /positions` this keeps (docs.polymarket.com, "Get current positions
// for a user"); the rest (icon, slug, PnL figures ...) is dropped. Unknown fields are ignored, a
// known field of the wrong type refuses the whole answer.
const position = z.object({
  proxyWallet: z.string().regex(ADDRESS).optional(),
  conditionId: z.string().regex(/^0x[0-9a-fA-F]{64}$/),
  asset: z.string().regex(/^[0-9]{1,78}$/),
  title: z.string().max(500),
  outcome: z.string().max(200),
  size: amount,
  avgPrice: amount,
  currentValue: amount,
  curPrice: amount.nullish(),
});

/**
 * Polymarket's public Data API: the positions an address holds, `GET {base}/positions?user=`,
 * paged with limit/offset. Public data, no key: the request carries the address and paging only.
 */
export class PolymarketVenue implements PredictionVenue {
  readonly id = 'polymarket' as const;
  private readonly base: string;
  private readonly timeoutMs: number;
  private readonly maxBytes: number;
  private readonly pageSize: number;
  private readonly maxPositions: number;
  /** Until when the venue asked us to wait (Retry-After): no request goes out before. Per process. */
  private closedUntil = 0;

  constructor(options: PolymarketVenueOptions) {
    const parsed = new URL(options.baseUrl);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error('POLYMARKET_API_BASE must be http(s)');
    this.base = `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.maxBytes = options.maxBytes ?? 4 * 1024 * 1024;
    this.pageSize = options.pageSize ?? 500;
    this.maxPositions = options.maxPositions ?? 5_000;
  }

  async positions(address: string): Promise<PredictionPosition[]> {
    if (!ADDRESS.test(address)) throw new PredictionVenueError('not an EVM address');
    if (Date.now() < this.closedUntil) {
      throw new PredictionVenueError(`${NAME} asked us to wait until ${new Date(this.closedUntil).toISOString()}; not asked`);
    }
    const byAsset = new Map<string, PredictionPosition>();
    for (let offset = 0; ; offset += this.pageSize) {
      const page = await this.page(address, offset);
      for (const p of page) {
        // Pages moved under us (a position opened or closed while paging): a second read of
        // the same token means the pages do not add up to one picture.
        if (byAsset.has(p.asset)) throw new PredictionVenueError(`${NAME}'s positions changed while they were being read`);
        byAsset.set(p.asset, p);
      }
      if (byAsset.size > this.maxPositions) {
        throw new PredictionVenueError(`the wallet holds more than ${this.maxPositions} positions; none were stored`);
      }
      if (page.length < this.pageSize) break;
    }
    // A zero-size line is a position no longer held.
    return [...byAsset.values()].filter((p) => p.size !== '0');
  }

  private async page(address: string, offset: number): Promise<PredictionPosition[]> {
    const url = new URL(`${this.base}/positions`);
    url.searchParams.set('user', address);
    url.searchParams.set('sizeThreshold', '0');
    url.searchParams.set('limit', String(this.pageSize));
    url.searchParams.set('offset', String(offset));
    let text: string;
    try {
      text = await boundedGet(url, { timeoutMs: this.timeoutMs, maxBytes: this.maxBytes, venueName: NAME });
    } catch (err) {
      if (err instanceof PredictionVenueRateLimited && err.retryAfterMs !== undefined) {
        this.closedUntil = Math.max(this.closedUntil, Date.now() + err.retryAfterMs);
      }
      throw err;
    }
    let json: unknown;
    try {
      json = parseJsonKeepingNumbers(text);
    } catch {
      throw new PredictionVenueError(`${NAME}'s answer was not JSON`);
    }
    const parsed = z.array(position).max(this.pageSize).safeParse(json);
    if (!parsed.success) {
      // Where, not what: the venue's own text is not repeated into our records.
      const issue = parsed.error.issues[0]!;
      const where = issue.path.filter((p) => typeof p === 'string').join('.') || 'the list';
      throw new PredictionVenueError(`${NAME}'s answer was not a list of positions (${where}: ${issue.code})`);
    }
    return parsed.data.map((p) => {
      if (p.proxyWallet && p.proxyWallet.toLowerCase() !== address.toLowerCase()) {
        throw new PredictionVenueError(`${NAME} answered for another address`);
      }
      return {
        conditionId: p.conditionId,
        asset: p.asset,
        market: p.title,
        outcome: p.outcome,
        size: p.size,
        avgPrice: p.avgPrice,
        currentValue: p.currentValue,
        curPrice: p.curPrice ?? null,
      };
    });
  }
}
