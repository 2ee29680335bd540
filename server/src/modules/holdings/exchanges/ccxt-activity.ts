import { NotSupported, type Exchange, type Transaction } from 'ccxt';
import type { TradeRecord, TransferRecord } from './exchange-adapter';
import { advance, type ParsedCursor } from './activity-cursor';
import { timestampsOf, tradeRecord, transferRecord } from './ccxt-normalise';
import type { VenueSpec } from './venue-spec';

type HeldAssets = () => Promise<string[]>;

/** Markets worth asking for trades: those whose base is held, and any traded before. */
async function tradeSymbols(exchange: Exchange, cursor: ParsedCursor, heldAssets: HeldAssets): Promise<string[]> {
  const held = new Set(await heldAssets());
  const symbols = new Set(Object.keys(cursor.tradesBySymbol));
  for (const market of Object.values(exchange.markets ?? {})) {
    if (market?.spot === true && market.symbol !== undefined && held.has(market.base ?? '')) symbols.add(market.symbol);
  }
  return [...symbols].sort();
}

export async function readTrades<E extends Exchange>(
  spec: VenueSpec<E>,
  exchange: E,
  cursor: ParsedCursor,
  heldAssets: HeldAssets,
): Promise<{ records: TradeRecord[]; cursor: Partial<ParsedCursor> }> {
  if (!spec.tradesPerSymbol(exchange)) {
    const records = (await exchange.fetchMyTrades(undefined, cursor.trades, undefined, spec.myTradesParams ?? {})).map(
      tradeRecord,
    );
    return { records, cursor: { trades: advance(cursor.trades, timestampsOf(records)) } };
  }
  const records: TradeRecord[] = [];
  const bySymbol = { ...cursor.tradesBySymbol };
  for (const symbol of await tradeSymbols(exchange, cursor, heldAssets)) {
    const page = (await exchange.fetchMyTrades(symbol, bySymbol[symbol], undefined, spec.myTradesParams ?? {})).map(tradeRecord);
    records.push(...page);
    const mark = advance(bySymbol[symbol], timestampsOf(page));
    if (mark !== undefined) bySymbol[symbol] = mark;
  }
  return { records, cursor: { tradesBySymbol: bySymbol } };
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
