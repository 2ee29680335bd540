import { createHash } from 'node:crypto';
import type { Dialect, DoubleKey, DoubleRequest, DoubleResponse, DoubleTransfer, Route, RouteContext } from '../double-types';
import { ok } from '../double-types';
import { balancesOf, has, header, hmac, numberParam, sameSignature, since } from './dialect-kit';

// Kraken spot REST: API-Sign is base64 HMAC-SHA512, keyed with the base64-decoded secret, over
// the URI path + SHA256(nonce + POST body); nonces must increase per key. Errors ride in
// { error: [...] } with HTTP 200, as Kraken answers.

const ASSETS: Record<string, string> = { BTC: 'XXBT', ETH: 'XETH', USD: 'ZUSD', USDT: 'USDT', USDC: 'USDC' };
const PAIRS = [
  { id: 'XXBTZUSD', altname: 'XBTUSD', wsname: 'XBT/USD', base: 'XXBT', quote: 'ZUSD', symbol: 'BTC/USD' },
  { id: 'XETHZUSD', altname: 'ETHUSD', wsname: 'ETH/USD', base: 'XETH', quote: 'ZUSD', symbol: 'ETH/USD' },
  // Stablecoins are markets like any other at Kraken (the pricing tests price them from these).
  { id: 'USDTZUSD', altname: 'USDTUSD', wsname: 'USDT/USD', base: 'USDT', quote: 'ZUSD', symbol: 'USDT/USD' },
  { id: 'USDCUSD', altname: 'USDCUSD', wsname: 'USDC/USD', base: 'USDC', quote: 'ZUSD', symbol: 'USDC/USD' },
];

// Public market data (GET /0/public/Ticker), as the valuation tests drive it: the last trade price
// per unified symbol, and every public request as it arrived (headers and body included), to show
// a pricing request carries no key and nothing about a person. Shared by every Kraken double in
// the process (public routes know no key to hang state on); tests reset it.
const DEFAULT_LAST: Record<string, string> = {
  'BTC/USD': '30000.10',
  'ETH/USD': '2000.50',
  'USDT/USD': '1.0002',
  'USDC/USD': '0.9998',
};
const lastPrices = new Map<string, string>(Object.entries(DEFAULT_LAST));

export const krakenMarketData = {
  /** The last price of a symbol; undefined: the venue lists the pair but answers no ticker for it. */
  setLast(symbol: string, price: string | undefined): void {
    if (price === undefined) lastPrices.delete(symbol);
    else lastPrices.set(symbol, price);
  },
  /** Every public request since the last reset. */
  requests: [] as DoubleRequest[],
  reset(): void {
    lastPrices.clear();
    for (const [symbol, price] of Object.entries(DEFAULT_LAST)) lastPrices.set(symbol, price);
    this.requests.length = 0;
  },
};

function ticker(last: string) {
  return {
    a: [last, '1', '1.000'],
    b: [last, '2', '2.000'],
    c: [last, '0.01000000'],
    v: ['10.00000000', '20.00000000'],
    p: [last, last],
    t: [10, 20],
    l: [last, last],
    h: [last, last],
    o: last,
  };
}

const krakenError = (...error: string[]): DoubleResponse => ({ status: 200, body: { error, result: {} } });
const lastNonce = new WeakMap<DoubleKey, bigint>();

function authenticate(request: DoubleRequest, findKey: (apiKey: string) => DoubleKey | undefined) {
  const apiKey = header(request, 'api-key');
  const key = apiKey === undefined ? undefined : findKey(apiKey);
  if (key === undefined) return { ok: false as const, response: krakenError('EAPI:Invalid key') };
  const nonce = new URLSearchParams(request.body).get('nonce') ?? '';
  const digest = createHash('sha256')
    .update(nonce + request.body)
    .digest();
  const expected = hmac(
    'sha512',
    Buffer.from(key.secret, 'base64'),
    Buffer.concat([Buffer.from(request.path), digest]),
    'base64',
  );
  if (!sameSignature(expected, header(request, 'api-sign')))
    return { ok: false as const, response: krakenError('EAPI:Invalid signature') };
  if (!/^\d+$/.test(nonce) || BigInt(nonce) <= (lastNonce.get(key) ?? 0n))
    return { ok: false as const, response: krakenError('EAPI:Invalid nonce') };
  lastNonce.set(key, BigInt(nonce));
  return { ok: true as const, key };
}

const seconds = (ms: number) => (ms / 1000).toFixed(4);
const bodyParam = (request: DoubleRequest, name: string) => new URLSearchParams(request.body).get(name);

function transfer(t: DoubleTransfer, kind: 'deposit' | 'withdrawal') {
  return {
    method: 'Bitcoin',
    aclass: 'currency',
    asset: ASSETS[t.asset] ?? t.asset,
    refid: t.id,
    txid: t.txid,
    info: t.address,
    amount: t.amount,
    fee: t.fee,
    time: Math.floor(t.timestamp / 1000),
    status: 'Success',
    ...(kind === 'withdrawal' ? { network: t.network } : {}),
  };
}

/** Records a public request for the valuation tests, then answers it. */
const publicRoute = (route: { method: string; path: string; handle: (ctx: RouteContext) => DoubleResponse }): Route => ({
  ...route,
  signed: false,
  handle: (ctx) => {
    krakenMarketData.requests.push(ctx.request);
    return route.handle(ctx);
  },
});

const routes: Route[] = [
  publicRoute({
    method: 'GET',
    path: '/0/public/Ticker',
    handle: ({ request }) => {
      const asked = (request.query.get('pair') ?? '').split(',').filter((p) => p !== '');
      const listed = asked.length === 0 ? PAIRS : PAIRS.filter((p) => asked.includes(p.id));
      if (asked.length > listed.length) return krakenError('EQuery:Unknown asset pair');
      return ok({
        error: [],
        result: Object.fromEntries(
          listed.flatMap((p) => {
            const last = lastPrices.get(p.symbol);
            return last === undefined ? [] : [[p.id, ticker(last)]];
          }),
        ),
      });
    },
  }),
  {
    method: 'GET',
    path: '/0/public/Time',
    signed: false,
    handle: ({ now }) => ok({ error: [], result: { unixtime: Math.floor(now / 1000), rfc1123: new Date(now).toUTCString() } }),
  },
  {
    method: 'GET',
    path: '/0/public/AssetPairs',
    signed: false,
    handle: () =>
      ok({
        error: [],
        result: Object.fromEntries(
          PAIRS.map((p) => [
            p.id,
            {
              altname: p.altname,
              wsname: p.wsname,
              aclass_base: 'currency',
              base: p.base,
              aclass_quote: 'currency',
              quote: p.quote,
              lot: 'unit',
              cost_decimals: 5,
              pair_decimals: 1,
              lot_decimals: 8,
              lot_multiplier: 1,
              leverage_buy: [],
              leverage_sell: [],
              fees: [[0, 0.26]],
              fees_maker: [[0, 0.16]],
              fee_volume_currency: 'ZUSD',
              margin_call: 80,
              margin_stop: 40,
              ordermin: '0.0001',
              costmin: '0.5',
              tick_size: '0.1',
              status: 'online',
            },
          ]),
        ),
      }),
  },
  {
    method: 'GET',
    path: '/0/public/Assets',
    signed: false,
    handle: () =>
      ok({
        error: [],
        result: Object.fromEntries(
          Object.entries(ASSETS).map(([alt, id]) => [
            id,
            { aclass: 'currency', altname: alt === 'BTC' ? 'XBT' : alt, decimals: 10, display_decimals: 5, status: 'enabled' },
          ]),
        ),
      }),
  },
  {
    method: 'POST',
    path: '/0/private/GetApiKeyInfo',
    signed: true,
    permissionEndpoint: true,
    handle: ({ key }) =>
      ok({
        error: [],
        result: {
          api_key_name: 'vigil',
          nonce_window: 0,
          iban: 'AB12 C34D E5FG HIJK',
          permissions: [
            'query-funds',
            'query-open-trades',
            'query-closed-trades',
            'query-ledger',
            'export-data',
            ...(has(key, 'trade') ? ['modify-trades', 'cancel-close-trades'] : []),
            ...(has(key, 'withdraw') ? ['withdraw-funds'] : []),
            ...(has(key, 'transfer') ? ['deposit-funds', 'earn-funds'] : []),
          ],
          valid_until: key.expiresAt !== undefined ? String(Math.floor(key.expiresAt.getTime() / 1000)) : '0',
          query_from: '0',
          query_to: '0',
          created_time: '1700000000',
          modified_time: '1700000000',
        },
      }),
  },
  {
    method: 'POST',
    path: '/0/private/BalanceEx',
    signed: true,
    handle: ({ key }) =>
      ok({
        error: [],
        result: Object.fromEntries(
          balancesOf(key).map(([asset, amount]) => [ASSETS[asset] ?? asset, { balance: amount, hold_trade: '0.0000000000' }]),
        ),
      }),
  },
  {
    method: 'POST',
    path: '/0/private/TradesHistory',
    signed: true,
    handle: ({ key, request }) => {
      const start = numberParam(bodyParam(request, 'start'));
      const trades = since(key.trades, start === undefined ? undefined : start * 1000);
      return ok({
        error: [],
        result: {
          count: trades.length,
          trades: Object.fromEntries(
            trades.map((t) => {
              const pair = PAIRS.find((p) => p.symbol === t.symbol);
              return [
                t.id,
                {
                  ordertxid: t.orderId,
                  postxid: 'P-1',
                  pair: pair?.id ?? t.symbol,
                  time: Number(seconds(t.timestamp)),
                  type: t.side,
                  ordertype: 'limit',
                  price: t.price,
                  cost: '0',
                  fee: t.fee,
                  vol: t.amount,
                  margin: '0.00000',
                  misc: '',
                },
              ];
            }),
          ),
        },
      });
    },
  },
  {
    method: 'POST',
    path: '/0/private/DepositStatus',
    signed: true,
    handle: ({ key }) => ok({ error: [], result: (key.deposits ?? []).map((d) => transfer(d, 'deposit')) }),
  },
  {
    method: 'POST',
    path: '/0/private/WithdrawStatus',
    signed: true,
    handle: ({ key }) => ok({ error: [], result: (key.withdrawals ?? []).map((w) => transfer(w, 'withdrawal')) }),
  },
];

export const krakenDialect: Dialect = {
  venue: 'kraken',
  routes,
  authenticate,
  revoked: () => krakenError('EAPI:Invalid key'),
  keyRateLimited: () => krakenError('EAPI:Rate limit exceeded'),
  ipRateLimited: (s) => ({ status: 429, body: { error: ['EGeneral:Too many requests'] }, headers: { 'retry-after': String(s) } }),
  serverError: () => ({ status: 500, body: { error: ['EService:Unavailable'] } }),
  notFound: () => ({ status: 404, body: { error: ['EGeneral:Unknown method'] } }),
};
