import { NotSupported, type Exchange, type Transaction } from 'ccxt';
import type { TradeRecord, TransferRecord } from './exchange-adapter';
import { advance, type ParsedCursor } from './activity-cursor';
import { timestampsOf, tradeRecord, transferRecord } from './ccxt-normalise';
import type { VenueSpec } from './venue-spec';

type HeldAssets = () => Promise<string[]>;

/** The account as a poll read it: the assets held, and when the venue says it last changed it. */
export type AccountNow = { assets: string[]; updatedAt: number | undefined };

/**
 * Markets worth asking for trades: those whose base is among `bases` (held now, held at the last
 * poll, or moved in or out since), and any traded before.
 */
function tradeSymbols(exchange: Exchange, cursor: ParsedCursor, bases: ReadonlySet<string>): string[] {
  const symbols = new Set(Object.keys(cursor.tradesBySymbol));
  for (const market of Object.values(exchange.markets ?? {})) {
    if (market?.spot === true && market.symbol !== undefined && bases.has(market.base ?? '')) symbols.add(market.symbol);
  }
  return [...symbols].sort();
}

/**
 * Trades since the cursor. At a venue read one market at a time the markets asked are those of
 * the assets held now, held at the last poll (a position sold off entirely since shows in neither
 * balance nor cursor otherwise) and `moved` (deposited or withdrawn since: bought and sent away
 * between two polls); a position opened and closed entirely between two polls on a market never
 * traded before is still missed. Where the venue says when it last changed the account and that has
 * not moved since a poll that found no new trade, no market is asked at all.
 */
export async function readTrades<E extends Exchange>(
  spec: VenueSpec<E>,
  exchange: E,
  cursor: ParsedCursor,
  account: () => Promise<AccountNow>,
  moved: readonly string[],
): Promise<{ records: TradeRecord[]; cursor: Partial<ParsedCursor> }> {
  if (!spec.tradesPerSymbol(exchange)) {
    const records = (await exchange.fetchMyTrades(undefined, cursor.trades, undefined, spec.myTradesParams ?? {})).map(
      tradeRecord,
    );
    return { records, cursor: { trades: advance(cursor.trades, timestampsOf(records)) } };
  }
  const now = await account();
  if (now.updatedAt !== undefined && now.updatedAt === cursor.quietAt) {
    return { records: [], cursor: { held: now.assets } };
  }
  const records: TradeRecord[] = [];
  const bySymbol = { ...cursor.tradesBySymbol };
  let found = false;
  for (const symbol of tradeSymbols(exchange, cursor, new Set([...now.assets, ...cursor.held, ...moved]))) {
    const seen = bySymbol[symbol];
    const page = (await exchange.fetchMyTrades(symbol, seen, undefined, spec.myTradesParams ?? {})).map(tradeRecord);
    records.push(...page);
    const times = timestampsOf(page);
    // The venue answers from the mark inclusive: the trade at the mark comes back each time.
    if (times.some((t) => seen === undefined || t > seen)) found = true;
    const mark = advance(seen, times);
    if (mark !== undefined) bySymbol[symbol] = mark;
  }
  // Quiet only when nothing new came back: a new trade, or a full page, may have more behind it.
  return { records, cursor: { tradesBySymbol: bySymbol, held: now.assets, quietAt: found ? undefined : now.updatedAt } };
}

function split(transactions: Transaction[]): { deposits: TransferRecord[]; withdrawals: TransferRecord[] } {
  return {
    deposits: transactions.filter((t) => t.type === 'deposit').map((t) => transferRecord(t, 'deposit')),
    withdrawals: transactions.filter((t) => t.type === 'withdrawal').map((t) => transferRecord(t, 'withdrawal')),
  };
}

async function fetchTransfers<E extends Exchange>(
  spec: VenueSpec<E>,
  exchange: E,
  cursor: ParsedCursor,
  heldAssets: HeldAssets,
): Promise<{ deposits: TransferRecord[]; withdrawals: TransferRecord[] }> {
  if (spec.transfers === 'separate') {
    const deposits = (await exchange.fetchDeposits(undefined, cursor.deposits)).map((t) => transferRecord(t, 'deposit'));
    const withdrawals = (await exchange.fetchWithdrawals(undefined, cursor.withdrawals)).map((t) =>
      transferRecord(t, 'withdrawal'),
    );
    return { deposits, withdrawals };
  }
  const marks = [cursor.deposits, cursor.withdrawals].filter((m): m is number => m !== undefined);
  // One read for both kinds: from the older mark, so neither stream skips anything.
  const since = marks.length === 2 ? Math.min(...marks) : undefined;
  if (spec.transfers === 'combined') return split(await exchange.fetchDepositsWithdrawals(undefined, since));
  const all: Transaction[] = [];
  for (const code of await heldAssets()) all.push(...(await exchange.fetchDepositsWithdrawals(code, since)));
  return split(all);
}

// Testnets lack some production endpoints (Binance's spot testnet has no deposit or withdrawal
// history, and ccxt knows no testnet URL for them: NotSupported). A testnet key moves no real money,
// so its transfers read as none rather than failing every poll (and with it the balances, since a
// poll keeps all or nothing). A production venue's NotSupported is a real gap and still fails.
async function fetchTransfersOrNoneOnTestnet<E extends Exchange>(
  ...args: Parameters<typeof fetchTransfers<E>>
): Promise<{ deposits: TransferRecord[]; withdrawals: TransferRecord[] }> {
  try {
    return await fetchTransfers(...args);
  } catch (err) {
    if (err instanceof NotSupported && args[1].isSandboxModeEnabled) return { deposits: [], withdrawals: [] };
    throw err;
  }
}

export async function readTransfers<E extends Exchange>(
  spec: VenueSpec<E>,
  exchange: E,
  cursor: ParsedCursor,
  heldAssets: HeldAssets,
): Promise<{ deposits: TransferRecord[]; withdrawals: TransferRecord[]; cursor: Partial<ParsedCursor> }> {
  const { deposits, withdrawals } = await fetchTransfersOrNoneOnTestnet(spec, exchange, cursor, heldAssets);
  return {
    deposits,
    withdrawals,
    cursor: {
      deposits: advance(cursor.deposits, timestampsOf(deposits)),
      withdrawals: advance(cursor.withdrawals, timestampsOf(withdrawals)),
    },
  };
}
