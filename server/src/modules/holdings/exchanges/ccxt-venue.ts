import type { Exchange } from 'ccxt';
import type {
  ActivityCursor,
  ActivityPage,
  BalanceSnapshot,
  ExchangeAdapter,
  ExchangeCredentials,
  PollOutcome,
  RequestGuard,
} from './exchange-adapter';
import { ExchangeFailureError } from './exchange-failure';
import { callVenue, createInstance, type InstanceOptions } from './ccxt-instance';
import { InstancePool } from './ccxt-instance-pool';
import { balanceLines } from './ccxt-normalise';
import { parseCursor, serialiseCursor } from './activity-cursor';
import { readTrades, readTransfers } from './ccxt-activity';
import { MarketCache } from './market-cache';
import { proveScope, scopeProvable, unverifiableProof } from './ccxt-scope';
import type { VenueSpec } from './venue-spec';

type AdapterOptions = InstanceOptions & { markets: MarketCache };

async function readBalances<E extends Exchange>(
  options: AdapterOptions,
  exchange: E,
  sandbox: boolean,
): Promise<BalanceSnapshot> {
  await options.markets.load(exchange, sandbox);
  return { fetchedAt: new Date(), lines: balanceLines(await exchange.fetchBalance()) };
}

async function readActivity<E extends Exchange>(
  spec: VenueSpec<E>,
  options: AdapterOptions,
  exchange: E,
  credentials: ExchangeCredentials,
  cursor: ActivityCursor | undefined,
  heldAssets: () => Promise<string[]>,
): Promise<ActivityPage> {
  const parsed = parseCursor(cursor);
  await options.markets.load(exchange, credentials.sandbox === true);
  const trades = await readTrades(spec, exchange, parsed, heldAssets);
  const transfers = await readTransfers(spec, exchange, parsed, heldAssets);
  const next = { ...parsed, ...trades.cursor, ...transfers.cursor };
  return {
    trades: trades.records,
    deposits: transfers.deposits,
    withdrawals: transfers.withdrawals,
    cursor: serialiseCursor(next),
  };
}

/**
 * One poll on one ccxt instance, leased from the adapter's pool (building one costs 2.6-17 ms of
 * CPU, Binance the most): the scope again, then, only if the key is still read-only (or
 * unverifiable), balances and activity. All or nothing: a failure after the scope check returns
 * no partial data.
 */
async function poll<E extends Exchange>(
  spec: VenueSpec<E>,
  options: AdapterOptions,
  pool: InstancePool<E>,
  credentials: ExchangeCredentials,
  cursor: ActivityCursor | undefined,
  guard: RequestGuard | undefined,
): Promise<PollOutcome> {
  const leased = await pool.lease(credentials, { classify: spec.classify, ...(guard ? { guard } : {}) });
  const { instance } = leased;
  try {
    const scope = scopeProvable(spec, credentials) ? await proveScope(spec, instance) : unverifiableProof(spec);
    if (scope.verdict !== 'read_only' && scope.verdict !== 'unverifiable') return { status: 'scope_refused', scope };
    try {
      return await callVenue(spec.venue, instance, spec.classify, async (exchange) => {
        const balances = await readBalances(options, exchange, credentials.sandbox === true);
        const held = async () => balances.lines.map((l) => l.asset);
        const activity = await readActivity(spec, options, exchange, credentials, cursor, held);
        return { status: 'ok' as const, scope, balances, activity };
      });
    } catch (err) {
      if (err instanceof ExchangeFailureError) return { status: 'failed', scope, failure: err.failure };
      throw err;
    }
  } finally {
    // Back once ccxt has nothing left in flight on it; the poll's answer does not wait for that.
    void leased.release();
  }
}

/** One hour: market lists change rarely, and a new market only matters once it is traded. */
const DEFAULT_MARKET_CACHE_MS = 60 * 60_000;

/** The one ExchangeAdapter implementation, driven by a venue's spec. */
export function ccxtAdapter<E extends Exchange>(
  spec: VenueSpec<E>,
  instanceOptions: InstanceOptions & { marketCacheMs?: number } = {},
): ExchangeAdapter {
  const options: AdapterOptions = {
    ...instanceOptions,
    markets: new MarketCache(instanceOptions.marketCacheMs ?? DEFAULT_MARKET_CACHE_MS),
  };
  const pool = new InstancePool(spec, options);
  // Onboarding and the connect-time checks meet a key for the first time: a fresh instance each.
  const fresh = (credentials: ExchangeCredentials, guard?: RequestGuard) =>
    createInstance(spec, credentials, options, { classify: spec.classify, ...(guard ? { guard } : {}) });
  return {
    venue: spec.venue,
    displayName: spec.displayName,
    needsPassphrase: spec.needsPassphrase,
    hasSandbox: spec.hasSandbox,
    onboarding: spec.onboarding,
    checkScope: async (credentials, guard) =>
      scopeProvable(spec, credentials) ? proveScope(spec, fresh(credentials, guard)) : unverifiableProof(spec),
    fetchBalances: (credentials) =>
      callVenue(spec.venue, fresh(credentials), spec.classify, (exchange) =>
        readBalances(options, exchange, credentials.sandbox === true),
      ),
    fetchActivitySince: (credentials, cursor) => {
      const instance = fresh(credentials);
      return callVenue(spec.venue, instance, spec.classify, async (exchange) => {
        let held: string[] | undefined;
        const heldAssets = async () =>
          (held ??= (await readBalances(options, exchange, credentials.sandbox === true)).lines.map((l) => l.asset));
        return readActivity(spec, options, exchange, credentials, cursor, heldAssets);
      });
    },
    poll: (credentials, cursor, guard) => poll(spec, options, pool, credentials, cursor, guard),
  };
}
export { ExchangeFailureError };
