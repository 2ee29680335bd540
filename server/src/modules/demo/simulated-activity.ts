import { createHash } from 'node:crypto';

// What the simulated exchange's accounts did, as Binance reports it. Every record is a pure
// function of its index and the clock has only moved past more of them: a trade every ten
// minutes, a deposit every twelve hours, a withdrawal every day, per account. The same ids come
// back after a restart, so polling upserts them once.

export type SimulatedAccount = {
  apiKey: string;
  secret: string;
  /** Spot balances, decimal strings. */
  balances: Record<string, string>;
  /** Spreads the accounts' schedules apart (minutes) and keeps their ids apart. */
  offsetMinutes: number;
  idBase: number;
};

type Window = { from?: number | undefined; to?: number | undefined; limit?: number | undefined };

const GENESIS_MS = Date.UTC(2026, 0, 1);
const MINUTE = 60_000;
const TRADE_EVERY = 10 * MINUTE;
const DEPOSIT_EVERY = 12 * 60 * MINUTE;
const WITHDRAWAL_EVERY = 24 * 60 * MINUTE;
/** Without a start time (a first poll), the last day; never more than a week back. */
const DEFAULT_LOOKBACK = 24 * 60 * MINUTE;
const MAX_LOOKBACK = 7 * 24 * 60 * MINUTE;

/** Integer units with `decimals` places as a decimal string: 123456, 4 → "12.3456". */
function fixed(units: bigint, decimals: number): string {
  const s = units.toString().padStart(decimals + 1, '0');
  return `${s.slice(0, -decimals)}.${s.slice(-decimals)}`;
}

/** The indices k (and their times) of a schedule within a window, oldest first. */
function occurrences(every: number, offsetMs: number, window: Window, now: number, limit = 500): [number, number][] {
  const end = Math.min(window.to ?? now, now);
  const start = Math.max(window.from ?? now - DEFAULT_LOOKBACK, now - MAX_LOOKBACK);
  const out: [number, number][] = [];
  for (let k = Math.max(0, Math.ceil((start - GENESIS_MS - offsetMs) / every)); out.length < limit; k++) {
    const at = GENESIS_MS + offsetMs + k * every;
    if (at > end) break;
    out.push([k, at]);
  }
  return out;
}

const txid = (...parts: (string | number)[]) => `0x${createHash('sha256').update(parts.join(':')).digest('hex')}`;

function trades(account: SimulatedAccount, symbol: string, window: Window, now: number) {
  const offset = account.offsetMinutes * MINUTE;
  return occurrences(TRADE_EVERY, offset, window, now, Math.min(window.limit ?? 500, 1000))
    .filter(([k]) => (k % 3 === 0 ? 'ETHUSDT' : 'BTCUSDT') === symbol)
    .map(([k, at]) => {
      const btc = symbol === 'BTCUSDT';
      // Quantities in 1e-8 units, prices in cents: the strings are exact, no float is involved.
      const qty = btc ? BigInt(100_000 * (1 + (k % 7))) : BigInt(5_000_000 * (1 + (k % 5)));
      const priceCents = btc
        ? BigInt(6_000_000 + ((k * 13_711) % 400_000) - 200_000)
        : BigInt(300_000 + ((k * 5_303) % 30_000) - 15_000);
      const cost = (priceCents * qty) / 100n; // quote in 1e-8 units
      return {
        symbol,
        id: account.idBase + k,
        orderId: (account.idBase + k) * 10 + 1,
        orderListId: -1,
        price: fixed(priceCents, 2),
        qty: fixed(qty, 8),
        quoteQty: fixed(cost, 8),
        commission: fixed(cost / 1000n, 8),
        commissionAsset: 'USDT',
        time: at,
        isBuyer: k % 2 === 0,
        isMaker: false,
        isBestMatch: true,
      };
    });
}

function deposits(account: SimulatedAccount, window: Window, now: number) {
  const offset = (account.offsetMinutes + 7) * MINUTE;
  return occurrences(DEPOSIT_EVERY, offset, window, now).map(([k, at]) => {
    const coin = k % 2 === 0 ? 'USDT' : 'BTC';
    return {
      id: `demo-dep-${account.idBase + k}`,
      amount: coin === 'USDT' ? fixed(BigInt(250 + (k % 4) * 125) * 100n, 2) : fixed(BigInt(1_000_000 * (1 + (k % 3))), 8),
      coin,
      network: coin === 'USDT' ? 'ETH' : 'BTC',
      status: 1,
      address: '0xde300000000000000000000000000000000000ee',
      addressTag: '',
      txId: txid('demo-deposit', account.idBase, k),
      insertTime: at,
      transferType: 0,
      confirmTimes: '12/12',
      unlockConfirm: 0,
      walletType: 0,
    };
  });
}

function withdrawals(account: SimulatedAccount, window: Window, now: number) {
  const offset = (account.offsetMinutes + 13 * 60) * MINUTE;
  return occurrences(WITHDRAWAL_EVERY, offset, window, now).map(([k, at]) => ({
    id: `demo-wd-${account.idBase + k}`,
    amount: fixed(BigInt(100 + (k % 5) * 40) * 100n, 2),
    transactionFee: '1.00',
    coin: 'USDT',
    status: 6,
    address: '0xde300000000000000000000000000000000000dd',
    txId: txid('demo-withdrawal', account.idBase, k),
    applyTime: new Date(at).toISOString().replace('T', ' ').slice(0, 19),
    network: 'ETH',
    transferType: 0,
    info: '',
    confirmNo: 12,
    walletType: 0,
    txKey: '',
  }));
}

export const binanceActivity = { trades, deposits, withdrawals };
