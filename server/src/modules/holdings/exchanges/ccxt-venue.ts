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
import { type AccountNow, readTrades, readTransfers } from './ccxt-activity';
import { MarketCache } from './market-cache';
import { proveScope, scopeProvable, unverifiableProof } from './ccxt-scope';
import type { VenueSpec } from './venue-spec';

type AdapterOptions = InstanceOptions & { markets: MarketCache };

/** The venue's markets (shared from the cache when fresh), then the key's own account state. */
async function prepare<E extends Exchange>(spec: VenueSpec<E>, options: AdapterOptions, exchange: E, sandbox: boolean) {
  await options.markets.load(exchange, sandbox);
  await spec.loadAccountState?.(exchange);
}

/** One balance read: the snapshot, and when the venue says it last changed the account (if it says). */
type AccountRead = { snapshot: BalanceSnapshot; updatedAt: number | undefined };

async function readAccount<E extends Exchange>(
  spec: VenueSpec<E>,
  options: AdapterOptions,
  exchange: E,
  sandbox: boolean,
): Promise<AccountRead> {
  await prepare(spec, options, exchange, sandbox);
  const balance = await exchange.fetchBalance();
  return { snapshot: { fetchedAt: new Date(), lines: balanceLines(balance) }, updatedAt: spec.accountUpdatedAt?.(balance) };
}

const accountNow = (read: AccountRead): AccountNow => ({
  assets: read.snapshot.lines.map((l) => l.asset),
  updatedAt: read.updatedAt,
});

/**
 * Trades, deposits and withdrawals since the cursor, on an instance already prepared (markets and
 * account state). Transfers first: what moved in or out since is among the markets a per-market
 * venue is asked for trades.
 */
async function readActivity<E extends Exchange>(
  spec: VenueSpec<E>,
  exchange: E,
  cursor: ActivityCursor | undefined,
  account: () => Promise<AccountNow>,
): Promise<ActivityPage> {
  const parsed = parseCursor(cursor);
  const transfers = await readTransfers(spec, exchange, parsed, async () => (await account()).assets);
  const moved = [...transfers.deposits, ...transfers.withdrawals].map((t) => t.asset);
  const trades = await readTrades(spec, exchange, parsed, account, moved);
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
        const account = await readAccount(spec, options, exchange, credentials.sandbox === true);
        const activity = await readActivity(spec, exchange, cursor, async () => accountNow(account));
        return { status: 'ok' as const, scope, balances: account.snapshot, activity };
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
  instanceOptions: InstanceOptions & { marketCacheMs?: number; markets?: MarketCache } = {},
): ExchangeAdapter {
  const { marketCacheMs, markets, ...instance } = instanceOptions;
  const options: AdapterOptions = {
    ...instance,
    markets: markets ?? new MarketCache(marketCacheMs ?? DEFAULT_MARKET_CACHE_MS),
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
      callVenue(
        spec.venue,
        fresh(credentials),
        spec.classify,
        async (exchange) => (await readAccount(spec, options, exchange, credentials.sandbox === true)).snapshot,
      ),
    fetchActivitySince: (credentials, cursor) => {
      const instance = fresh(credentials);
      return callVenue(spec.venue, instance, spec.classify, async (exchange) => {
        await prepare(spec, options, exchange, credentials.sandbox === true);
        let read: Promise<AccountRead> | undefined;
        const account = async () =>
          accountNow(await (read ??= readAccount(spec, options, exchange, credentials.sandbox === true)));
        return readActivity(spec, exchange, cursor, account);
      });
    },
    poll: (credentials, cursor, guard) => poll(spec, options, pool, credentials, cursor, guard),
  };
}
export { ExchangeFailureError };
