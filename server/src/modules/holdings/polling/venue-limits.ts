import type { VenueAnswer, VenueId } from '../exchanges/exchange-adapter';

/**
 * The poller's request budget per venue: the one place its limits are set, from each venue's
 * published limits (as of 2026-12). Two token buckets per request, both shared by every worker
 * through Redis (venue-gate.ts):
 * - `egress`: per egress IP (POLL_EGRESS_ADDRESSES; one, the OS's, by default), shared by every
 *   worker sending from it; units are the venue's own (Binance: request weight), `egressCost`
 *   prices a request.
 * - `key`: per API key (per account where the venue counts per UID).
 * A bucket never allows more than the venue's window does: `perSecond × window + burst` stays
 * at or below the published limit per window. Where a venue publishes no per-IP limit for the
 * private reads a poll makes (its limits are per key/UID), `egress` is a safety cap of ours,
 * marked as such. `pollCost` is a typical poll's cost in the egress bucket (markets cached): the
 * scheduler claims no more of a venue per tick than its egress budgets (one per address) can poll
 * in that tick.
 * `keyLevel` reads a "slow down" answer: true when it is about this key (a gate for that key
 * closes), false when it is about our IP (the venue's gate closes for every key). Unknown → IP.
 */
export type Bucket = { perSecond: number; burst: number };

export type VenueLimits = {
  egress: Bucket;
  key: Bucket;
  egressCost: (path: string) => number;
  keyCost: (path: string) => number;
  pollCost: number;
  keyLevel: (answer: VenueAnswer) => boolean;
};

const one = () => 1;
const SAFETY_CAP: Bucket = { perSecond: 50, burst: 50 };
const TYPICAL_POLL = 8;

const bodyText = (answer: VenueAnswer) => (typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body ?? ''));
const field = (body: unknown, key: string) =>
  body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>)[key] : undefined;
const hasRetryAfter = (answer: VenueAnswer) => answer.headers['retry-after'] !== undefined;

// Binance spot: 6,000 request weight per minute per IP on /api (80 /s + 800 burst = 5,600 per
// minute); /api/v3/account, /api/v3/myTrades (with a symbol) and exchangeInfo weigh 20. The sapi
// reads (api restrictions, deposit and withdrawal history) have their own 12,000 per minute and
// weigh 1 here (counted against the /api budget: conservative). Per UID limits on those reads are
// far above one poll. A UID limit answers "current limit of UID"; weight and 418 bans are per IP.
const BINANCE_HEAVY = ['/api/v3/account', '/api/v3/myTrades', '/api/v3/exchangeInfo'];
// By suffix: a base URL may carry a path prefix (EXCHANGE_API_BASE_BINANCE=https://proxy/binance).
const binanceWeight = (path: string) => (BINANCE_HEAVY.some((p) => path.replace(/\/+$/, '').endsWith(p)) ? 20 : 1);

// Kraken: per key, a call counter of 15 (starter tier) decaying 0.33 per second; trade and
// ledger history cost 2. No published per-IP limit for private calls.
const KRAKEN_HISTORY = /\/private\/(TradesHistory|Ledgers|QueryLedgers|QueryTrades)$/;

export const VENUE_LIMITS: Record<VenueId, VenueLimits> = {
  binance: {
    egress: { perSecond: 80, burst: 800 },
    key: { perSecond: 10, burst: 20 },
    egressCost: (path) => binanceWeight(path),
    keyCost: one,
    // account 20, myTrades 20 per held market (two in a typical account: the bench's 387 s cycle
    // with 45 here claimed 40 % over the budget, and the polls it deferred had spent part of it),
    // api restrictions, deposits and withdrawals 1 each. A quiet account's poll asks no market
    // (23: exchanges/README.md, "What each venue reads"), but a first cycle asks them all, so the
    // claims are budgeted for that.
    pollCost: 63,
    keyLevel: (a) => /\bUID\b/.test(bodyText(a)) && a.status !== 418,
  },
  // Coinbase Advanced Trade: private endpoints 30 requests/s per key, public 10/s per IP (markets
  // are cached). The per-key 429 carries no Retry-After; one with it is our IP's.
  coinbase: {
    egress: SAFETY_CAP,
    key: { perSecond: 25, burst: 25 },
    egressCost: one,
    keyCost: one,
    pollCost: TYPICAL_POLL,
    keyLevel: (a) => !hasRetryAfter(a),
  },
  kraken: {
    egress: SAFETY_CAP,
    key: { perSecond: 0.33, burst: 15 },
    egressCost: one,
    keyCost: (path) => (KRAKEN_HISTORY.test(path) ? 2 : 1),
    pollCost: TYPICAL_POLL,
    // EAPI:Rate limit exceeded is the key's counter; EGeneral:Too many requests (429) is the IP's.
    keyLevel: (a) => bodyText(a).includes('EAPI:Rate limit exceeded'),
  },
  // OKX: private limits per UID and endpoint, the tightest a poll meets is account/config (5 per
  // 2 s); 50011 without Retry-After is the UID's, with it our IP's.
  okx: {
    egress: SAFETY_CAP,
    key: { perSecond: 2.5, burst: 5 },
    egressCost: one,
    keyCost: one,
    pollCost: TYPICAL_POLL,
    keyLevel: (a) => String(field(a.body, 'code')) === '50011' && !hasRetryAfter(a),
  },
  // Bybit: 600 requests per 5 s per IP; breaking it is a 403 ban of at least ten minutes for every
  // key, so half of it (50 /s + 50 burst = 300 per 5 s): the session-7 bench met a stricter IP
  // limit than the published one at 100 /s and lost every Bybit poll for ten minutes. Per UID
  // 10/s or more per endpoint, retCode 10006 (10018 is the IP's).
  bybit: {
    egress: { perSecond: 50, burst: 50 },
    key: { perSecond: 10, burst: 10 },
    egressCost: one,
    keyCost: one,
    pollCost: TYPICAL_POLL,
    keyLevel: (a) => String(field(a.body, 'retCode')) === '10006',
  },
  // KuCoin: private reads count against the UID's resource pools (Spot 4,000 per 30 s at VIP0,
  // weights 2-20), public ones 2,000 per 30 s per IP. The UID's 429000 carries gw-ratelimit-*.
  kucoin: {
    egress: SAFETY_CAP,
    key: { perSecond: 10, burst: 20 },
    egressCost: one,
    keyCost: one,
    pollCost: TYPICAL_POLL,
    keyLevel: (a) => a.headers['gw-ratelimit-reset'] !== undefined && !hasRetryAfter(a),
  },
  // Gemini: private 600 requests per minute per key (it asks for at most 5/s), public 120 per
  // minute per IP. The key's 429 carries no Retry-After.
  gemini: {
    egress: SAFETY_CAP,
    key: { perSecond: 5, burst: 10 },
    egressCost: one,
    keyCost: one,
    pollCost: TYPICAL_POLL,
    keyLevel: (a) => !hasRetryAfter(a),
  },
};

/** Limits for a venue id from the database (a venue not in the table gets the safety cap). */
export function limitsOf(venue: string): VenueLimits {
  return (
    (VENUE_LIMITS as Record<string, VenueLimits | undefined>)[venue] ?? {
      egress: SAFETY_CAP,
      key: { perSecond: 5, burst: 10 },
      egressCost: one,
      keyCost: one,
      pollCost: TYPICAL_POLL,
      keyLevel: () => false,
    }
  );
}

/**
 * How many polls of each venue one scheduler tick may claim: what its egress budgets poll in a
 * tick. Each of the `egresses` addresses has a budget of its own, and connections are spread
 * over them evenly on average (a hash, egress-addresses.ts), so N addresses poll N times as many.
 */
export function claimCaps(tickMs: number, egresses = 1): Record<string, number> {
  return Object.fromEntries(
    Object.entries(VENUE_LIMITS).map(([venue, l]) => [
      venue,
      Math.max(1, Math.floor((l.egress.perSecond * tickMs * egresses) / 1000 / l.pollCost)),
    ]),
  );
}
