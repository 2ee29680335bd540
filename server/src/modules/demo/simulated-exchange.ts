import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { binanceApiRestrictions, binanceCoinConfig, binanceExchangeInfo } from './binance-wire';
import { binanceActivity, type SimulatedAccount } from './simulated-activity';

// Demo mode's exchange: a loopback HTTP server speaking Binance's spot and sapi paths closely
// enough that the real ccxt adapter (exchanges/venues/binance.venue.ts) onboards and polls
// through it, reached with EXCHANGE_API_BASE_BINANCE. It checks what Binance checks: the key in
// X-MBX-APIKEY, the hex HMAC-SHA256 of the query, the timestamp within recvWindow; it answers
// Binance's error shapes. Keys are read-only until revoked, and then answer -2015 as Binance does.

type Query = URLSearchParams;
type Reply = { status: number; body: unknown; headers?: Record<string, string> };

const ok = (body: unknown): Reply => ({ status: 200, body });
const fail = (status: number, code: number, msg: string): Reply => ({ status, body: { code, msg } });
const INVALID_KEY = () => fail(401, -2015, 'Invalid API-key, IP, or permissions for action.');

// The USD markets are there for pricing (PRICING_VENUE points at this exchange in demo mode).
const MARKETS = [
  { symbol: 'BTCUSDT', base: 'BTC', quote: 'USDT', cents: 6_000_000 },
  { symbol: 'ETHUSDT', base: 'ETH', quote: 'USDT', cents: 300_000 },
  { symbol: 'BTCUSD', base: 'BTC', quote: 'USD', cents: 6_000_000 },
  { symbol: 'ETHUSD', base: 'ETH', quote: 'USD', cents: 300_000 },
  { symbol: 'USDTUSD', base: 'USDT', quote: 'USD', cents: 100 },
];
const COINS = ['BTC', 'ETH', 'USDT'];

/** A price that wanders a little, minute by minute, within 0.3 % of the market's level. */
function lastPrice(cents: number, now: number): string {
  const step = ((Math.floor(now / 60_000) * 7_919) % 601) - 300;
  const units = BigInt(cents * 100 + Math.round((cents * 100 * step) / 100_000)); // 1e-4 units
  return `${units / 10_000n}.${(units % 10_000n).toString().padStart(4, '0')}`;
}

function tickers(q: Query, now: number) {
  const raw = q.get('symbols') ?? (q.get('symbol') ? JSON.stringify([q.get('symbol')]) : null);
  let wanted: unknown = null;
  try {
    wanted = raw === null ? null : JSON.parse(raw);
  } catch {
    return fail(400, -1100, 'Illegal characters found in parameter symbols.');
  }
  const list = MARKETS.filter((m) => !Array.isArray(wanted) || wanted.includes(m.symbol)).map((m) => {
    const last = lastPrice(m.cents, now);
    return {
      symbol: m.symbol,
      priceChange: '0.0000',
      priceChangePercent: '0.000',
      weightedAvgPrice: last,
      prevClosePrice: last,
      lastPrice: last,
      lastQty: '0.01000000',
      bidPrice: last,
      bidQty: '1.00000000',
      askPrice: last,
      askQty: '1.00000000',
      openPrice: last,
      highPrice: last,
      lowPrice: last,
      volume: '100.00000000',
      quoteVolume: '100.00000000',
      openTime: now - 86_400_000,
      closeTime: now,
      firstId: 1,
      lastId: 2,
      count: 2,
    };
  });
  return ok(q.get('symbol') ? list[0] : list);
}

/** Read-only: reading on, everything else off, as the demo's keys were "made". */
const READ_ONLY_KEY = { createTime: Date.UTC(2026, 0, 1), trade: false, withdraw: false, transfer: false };

const numberParam = (q: Query, name: string): number | undefined => {
  const v = q.get(name);
  if (v === null || v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
};

type Signed = (account: SimulatedAccount, q: Query, now: number) => Reply;

const SIGNED: Record<string, Signed> = {
  '/sapi/v1/capital/config/getall': () => ok(binanceCoinConfig(COINS)),
  '/sapi/v1/account/apiRestrictions': () => ok(binanceApiRestrictions(READ_ONLY_KEY)),
  '/api/v3/account': (account, _q, now) =>
    ok({
      makerCommission: 10,
      takerCommission: 10,
      canTrade: false,
      canWithdraw: false,
      canDeposit: true,
      updateTime: now,
      accountType: 'SPOT',
      permissions: ['SPOT'],
      balances: Object.entries(account.balances).map(([asset, free]) => ({ asset, free, locked: '0.00000000' })),
    }),
  '/api/v3/myTrades': (account, q, now) => {
    const market = MARKETS.find((m) => m.symbol === q.get('symbol'));
    if (!market) return fail(400, -1121, 'Invalid symbol.');
    const window = { from: numberParam(q, 'startTime'), to: numberParam(q, 'endTime'), limit: numberParam(q, 'limit') };
    return ok(binanceActivity.trades(account, market.symbol, window, now));
  },
  '/sapi/v1/capital/deposit/hisrec': (account, q, now) =>
    ok(binanceActivity.deposits(account, { from: numberParam(q, 'startTime'), to: numberParam(q, 'endTime') }, now)),
  '/sapi/v1/capital/withdraw/history': (account, q, now) =>
    ok(binanceActivity.withdrawals(account, { from: numberParam(q, 'startTime'), to: numberParam(q, 'endTime') }, now)),
};

function sameSignature(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export class SimulatedExchange {
  private readonly revoked = new Set<string>();
  private readonly accounts: Map<string, SimulatedAccount>;

  constructor(accounts: readonly SimulatedAccount[]) {
    this.accounts = new Map(accounts.map((a) => [a.apiKey, a]));
  }

  /** The key answers Binance's "invalid key" from now on (the employee deleted it at the venue). */
  revoke(apiKey: string): void {
    if (!this.accounts.has(apiKey)) throw new Error('no such key at the simulated exchange');
    this.revoked.add(apiKey);
  }

  answer(method: string, path: string, rawQuery: string, apiKeyHeader: string | undefined, now: number): Reply {
    if (method !== 'GET') return { status: 404, body: '<html><body><h1>404 Not Found</h1></body></html>' };
    if (path === '/api/v3/ping') return ok({});
    if (path === '/api/v3/time') return ok({ serverTime: now });
    if (path === '/api/v3/exchangeInfo') return ok(binanceExchangeInfo(MARKETS, now));
    if (path === '/api/v3/ticker/24hr') return tickers(new URLSearchParams(rawQuery), now);
    // Spot only: the futures venues list nothing (ccxt's public market list asks them too).
    if (path === '/fapi/v1/exchangeInfo' || path === '/dapi/v1/exchangeInfo')
      return ok({ timezone: 'UTC', serverTime: now, rateLimits: [], symbols: [] });
    const handler = SIGNED[path];
    if (!handler) return { status: 404, body: '<html><body><h1>404 Not Found</h1></body></html>' };
    if (apiKeyHeader === undefined) return fail(401, -2014, 'API-key format invalid.');
    const account = this.accounts.get(apiKeyHeader);
    if (!account) return INVALID_KEY();
    const match = /^(.*)&signature=([0-9a-f]+)$/.exec(rawQuery);
    const expected = match ? createHmac('sha256', account.secret).update(match[1]!).digest('hex') : '';
    if (!match || !sameSignature(expected, match[2]!)) return fail(400, -1022, 'Signature for this request is not valid.');
    const q = new URLSearchParams(match[1]);
    const timestamp = numberParam(q, 'timestamp');
    const recvWindow = numberParam(q, 'recvWindow') ?? 5000;
    if (timestamp === undefined || timestamp > now + 1000 || now - timestamp > recvWindow)
      return fail(400, -1021, 'Timestamp for this request is outside of the recvWindow.');
    if (this.revoked.has(account.apiKey)) return INVALID_KEY();
    return handler(account, q, now);
  }
}

export type RunningExchange = { url: string; exchange: SimulatedExchange; close(): Promise<void> };

/** Starts the exchange on 127.0.0.1, on a port of the system's choosing. */
export async function startSimulatedExchange(accounts: readonly SimulatedAccount[]): Promise<RunningExchange> {
  const exchange = new SimulatedExchange(accounts);
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const raw = req.url ?? '/';
      const q = raw.indexOf('?');
      const header = req.headers['x-mbx-apikey'];
      const reply = exchange.answer(
        req.method ?? 'GET',
        q < 0 ? raw : raw.slice(0, q),
        q < 0 ? '' : raw.slice(q + 1),
        Array.isArray(header) ? header[0] : header,
        Date.now(),
      );
      const html = typeof reply.body === 'string';
      res.writeHead(reply.status, { 'content-type': html ? 'text/html' : 'application/json', ...(reply.headers ?? {}) });
      res.end(html ? reply.body : JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    exchange,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
