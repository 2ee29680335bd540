import type { Dialect, DoubleKey, DoubleRequest, DoubleResponse, Route } from '../double-types';
import { ok } from '../double-types';
import { binanceApiRestrictions, binanceCoinConfig, binanceExchangeInfo } from '../../../../src/modules/demo/binance-wire';
import { accountChangedAt, balancesOf, has, header, hmac, numberParam, sameSignature, since } from './dialect-kit';

// Binance spot + sapi: HMAC-SHA256 (hex) over the query (GET) or body (POST), in `signature`,
// key in X-MBX-APIKEY; errors as { code, msg } with Binance's codes.

const MARKETS = [
  { symbol: 'BTCUSDT', base: 'BTC', quote: 'USDT' },
  { symbol: 'ETHUSDT', base: 'ETH', quote: 'USDT' },
];

const err = (status: number, code: number, msg: string, headers?: Record<string, string>): DoubleResponse => ({
  status,
  body: { code, msg },
  ...(headers ? { headers } : {}),
});

function authenticate(request: DoubleRequest, findKey: (apiKey: string) => DoubleKey | undefined, now: number) {
  const apiKey = header(request, 'x-mbx-apikey');
  if (apiKey === undefined) return { ok: false as const, response: err(401, -2014, 'API-key format invalid.') };
  const key = findKey(apiKey);
  if (key === undefined)
    return { ok: false as const, response: err(401, -2015, 'Invalid API-key, IP, or permissions for action.') };
  const signed = request.method === 'GET' || request.method === 'DELETE' ? request.rawQuery : request.body;
  const match = /^(.*)&signature=([0-9a-f]+)$/.exec(signed);
  if (match === null || !sameSignature(hmac('sha256', key.secret, match[1] ?? '', 'hex'), match[2])) {
    return { ok: false as const, response: err(400, -1022, 'Signature for this request is not valid.') };
  }
  const params = new URLSearchParams(match[1]);
  const timestamp = numberParam(params.get('timestamp'));
  const recvWindow = numberParam(params.get('recvWindow')) ?? 5000;
  if (timestamp === undefined || timestamp > now + 1000 || now - timestamp > recvWindow) {
    return { ok: false as const, response: err(400, -1021, 'Timestamp for this request is outside of the recvWindow.') };
  }
  return { ok: true as const, key };
}

const symbolOf = (venueSymbol: string | null) => MARKETS.find((m) => m.symbol === venueSymbol);

const routes: Route[] = [
  { method: 'GET', path: '/api/v3/time', signed: false, handle: ({ now }) => ok({ serverTime: now }) },
  {
    method: 'GET',
    path: '/api/v3/exchangeInfo',
    signed: false,
    handle: ({ now }) => ok(binanceExchangeInfo(MARKETS, now)),
  },
  {
    method: 'GET',
    path: '/sapi/v1/capital/config/getall',
    signed: true,
    handle: () => ok(binanceCoinConfig(['BTC', 'ETH', 'USDT'])),
  },
  {
    method: 'GET',
    path: '/sapi/v1/account/apiRestrictions',
    signed: true,
    permissionEndpoint: true,
    handle: ({ key }) =>
      ok(
        binanceApiRestrictions({
          createTime: 1_700_000_000_000,
          trade: has(key, 'trade'),
          withdraw: has(key, 'withdraw'),
          transfer: has(key, 'transfer'),
          tradingAuthorityExpiresAt: key.expiresAt?.getTime(),
        }),
      ),
  },
  {
    method: 'GET',
    path: '/api/v3/account',
    signed: true,
    handle: ({ key, now }) =>
      ok({
        makerCommission: 10,
        takerCommission: 10,
        canTrade: has(key, 'trade'),
        canWithdraw: has(key, 'withdraw'),
        canDeposit: true,
        updateTime: accountChangedAt(key, now),
        accountType: 'SPOT',
        permissions: ['SPOT'],
        balances: balancesOf(key).map(([asset, free]) => ({ asset, free, locked: '0.00000000' })),
      }),
  },
  {
    method: 'GET',
    path: '/api/v3/myTrades',
    signed: true,
    handle: ({ key, request }) => {
      const market = symbolOf(request.query.get('symbol'));
      if (market === undefined) return err(400, -1121, 'Invalid symbol.');
      return ok(
        since(key.trades, numberParam(request.query.get('startTime')))
          .filter((t) => t.symbol === `${market.base}/${market.quote}`)
          .map((t) => ({
            symbol: market.symbol,
            id: Number(t.id),
            orderId: Number(t.orderId),
            orderListId: -1,
            price: t.price,
            qty: t.amount,
            quoteQty: '0',
            commission: t.fee,
            commissionAsset: t.feeAsset,
            time: t.timestamp,
            isBuyer: t.side === 'buy',
            isMaker: false,
            isBestMatch: true,
          })),
      );
    },
  },
  {
    method: 'GET',
    path: '/sapi/v1/capital/deposit/hisrec',
    signed: true,
    handle: ({ key, request }) =>
      ok(
        since(key.deposits, numberParam(request.query.get('startTime'))).map((d) => ({
          id: d.id,
          amount: d.amount,
          coin: d.asset,
          network: d.network,
          status: 1,
          address: d.address,
          addressTag: '',
          txId: d.txid,
          insertTime: d.timestamp,
          transferType: 0,
          confirmTimes: '12/12',
          unlockConfirm: 0,
          walletType: 0,
        })),
      ),
  },
  {
    method: 'GET',
    path: '/sapi/v1/capital/withdraw/history',
    signed: true,
    handle: ({ key, request }) =>
      ok(
        since(key.withdrawals, numberParam(request.query.get('startTime'))).map((w) => ({
          id: w.id,
          amount: w.amount,
          transactionFee: w.fee,
          coin: w.asset,
          status: 6,
          address: w.address,
          txId: w.txid,
          applyTime: new Date(w.timestamp).toISOString().replace('T', ' ').slice(0, 19),
          network: w.network,
          transferType: 0,
          info: '',
          confirmNo: 12,
          walletType: 0,
          txKey: '',
        })),
      ),
  },
];

export const binanceDialect: Dialect = {
  venue: 'binance',
  routes,
  authenticate,
  revoked: () => err(401, -2015, 'Invalid API-key, IP, or permissions for action.'),
  keyRateLimited: (s) => err(429, -1003, 'Too many requests; current limit of UID is exceeded.', { 'retry-after': String(s) }),
  ipRateLimited: (s) =>
    err(429, -1003, 'Too much request weight used; current limit is 6000 request weight per 1 MINUTE.', {
      'retry-after': String(s),
    }),
  serverError: () => err(500, -1000, 'An unknown error occured while processing the request.'),
  notFound: () => ({ status: 404, body: '<html><body><h1>404 Not Found</h1></body></html>' }),
};
