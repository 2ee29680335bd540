import { MalformedVenueAnswer } from './exchange-failure';
import { Precise, type Balances, type Trade, type Transaction } from 'ccxt';
import type { BalanceLine, TradeRecord, TransferRecord } from './exchange-adapter';
import { isZeroDecimal, toDecimal, toOptionalDecimal } from './decimal';

// ccxt's unified structures to the port's records. Ids are strings as the venue gave them;
// amounts are decimal strings (the instance parses numbers as strings).

const NOT_ASSETS = new Set(['info', 'free', 'used', 'total', 'timestamp', 'datetime', 'debt']);

export function balanceLines(balances: Balances): BalanceLine[] {
  const lines: BalanceLine[] = [];
  for (const [asset, entry] of Object.entries(balances)) {
    if (NOT_ASSETS.has(asset) || entry === null || typeof entry !== 'object') continue;
    const account = entry as { free?: unknown; used?: unknown; total?: unknown };
    const free = toOptionalDecimal(account.free, `${asset} free`);
    const used = toOptionalDecimal(account.used, `${asset} used`);
    const total = toOptionalDecimal(account.total, `${asset} total`) ?? Precise.stringAdd(free ?? '0', used ?? '0') ?? '0';
    if (isZeroDecimal(total)) continue;
    lines.push({ asset, free: free ?? Precise.stringSub(total, used ?? '0') ?? '0', used: used ?? '0', total });
  }
  return lines.sort((a, b) => a.asset.localeCompare(b.asset));
}

function requiredString(value: unknown, what: string): string {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  throw new MalformedVenueAnswer(`${what} missing or not exact`);
}

export function tradeRecord(trade: Trade): TradeRecord {
  const side = trade.side;
  if (side !== 'buy' && side !== 'sell') throw new MalformedVenueAnswer('trade side missing');
  const fee = trade.fee;
  return {
    venueId: requiredString(trade.id, 'trade id'),
    ...(trade.order !== undefined ? { orderId: requiredString(trade.order, 'order id') } : {}),
    symbol: requiredString(trade.symbol, 'trade symbol'),
    side,
    amount: toDecimal(trade.amount, 'trade amount'),
    price: toDecimal(trade.price, 'trade price'),
    ...(trade.cost !== undefined ? { cost: toDecimal(trade.cost, 'trade cost') } : {}),
    ...(fee?.cost !== undefined && fee.currency !== undefined
      ? { fee: { asset: fee.currency, amount: toDecimal(fee.cost, 'trade fee') } }
      : {}),
    timestamp: new Date(requiredTimestamp(trade.timestamp)),
  };
}

function requiredTimestamp(value: unknown): number {
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) throw new MalformedVenueAnswer('timestamp missing');
  return n;
}

const STATUSES = new Set(['pending', 'ok', 'failed', 'canceled']);

export function transferRecord(tx: Transaction, kind: 'deposit' | 'withdrawal'): TransferRecord {
  const txid = typeof tx.txid === 'string' && tx.txid !== '' ? tx.txid : undefined;
  // KuCoin deposits carry no id: the chain's txid is the stable identity instead.
  const venueId = typeof tx.id === 'string' && tx.id !== '' ? tx.id : txid !== undefined ? `txid:${txid}` : undefined;
  if (venueId === undefined) throw new MalformedVenueAnswer(`${kind} has neither id nor txid`);
  const fee = tx.fee;
  return {
    kind,
    venueId,
    ...(txid !== undefined ? { txid } : {}),
    asset: requiredString(tx.currency, `${kind} currency`),
    amount: toDecimal(tx.amount, `${kind} amount`),
    ...(fee?.cost !== undefined && fee.cost !== null && fee.currency !== undefined && fee.currency !== null
      ? { fee: { asset: fee.currency, amount: toDecimal(fee.cost, `${kind} fee`) } }
      : {}),
    ...(typeof tx.network === 'string' ? { network: tx.network } : {}),
    ...(typeof tx.address === 'string' ? { address: tx.address } : {}),
    status: typeof tx.status === 'string' && STATUSES.has(tx.status) ? (tx.status as TransferRecord['status']) : 'unknown',
    timestamp: new Date(requiredTimestamp(tx.timestamp)),
  };
}

export function timestampsOf(records: { timestamp: Date }[]): number[] {
  return records.map((r) => r.timestamp.getTime());
}
