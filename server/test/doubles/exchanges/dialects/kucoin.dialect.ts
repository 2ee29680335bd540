import type { Dialect, DoubleKey, DoubleRequest, DoubleTrade, DoubleResponse, Route } from '../double-types';
import { ok, rawInteger } from '../double-types';
import { balancesOf, has, header, hmac, numberParam, sameSignature, since } from './dialect-kit';

// KuCoin spot (key version 2): KC-API-SIGN is base64 HMAC-SHA256 over timestamp + method +
// path?query + body; KC-API-PASSPHRASE is the passphrase HMAC'd with the secret. Errors
// { code, msg }; rate limits are HTTP 429 with code 429000 and gw-ratelimit-reset (ms).
// Fill ids are written as bare integers beyond 2^53, as KuCoin's HF fills carry them.

const SYMBOLS = [
  { symbol: 'BTC-USDT', base: 'BTC', quote: 'USDT' },
  { symbol: 'ETH-USDT', base: 'ETH', quote: 'USDT' },
];

const kucoinError = (status: number, code: string, msg: string, headers?: Record<string, string>): DoubleResponse => ({
  status,
  body: { code, msg },
  ...(headers ? { headers } : {}),
});
const data = (value: unknown) => ok({ code: '200000', data: value });

function authenticate(request: DoubleRequest, findKey: (apiKey: string) => DoubleKey | undefined, now: number) {
  const apiKey = header(request, 'kc-api-key');
  const key = apiKey === undefined ? undefined : findKey(apiKey);
  if (key === undefined) return { ok: false as const, response: kucoinError(401, '400003', 'KC-API-KEY not exists') };
  const timestamp = header(request, 'kc-api-timestamp') ?? '';
  const expected = hmac('sha256', key.secret, `${timestamp}${request.method}${request.pathWithQuery}${request.body}`, 'base64');
  if (!sameSignature(expected, header(request, 'kc-api-sign')))
    return { ok: false as const, response: kucoinError(401, '400005', 'Invalid KC-API-SIGN') };
  const passphrase = hmac('sha256', key.secret, key.passphrase ?? '', 'base64');
  if (!sameSignature(passphrase, header(request, 'kc-api-passphrase')))
    return { ok: false as const, response: kucoinError(401, '400004', 'Invalid KC-API-PASSPHRASE') };
  const ts = Number(timestamp);
  if (!Number.isFinite(ts) || Math.abs(now - ts) > 5000)
    return {
      ok: false as const,
      response: kucoinError(401, '400002', 'KC-API-TIMESTAMP Invalid -- Time differs from server time by more than 5 seconds'),
    };
  return { ok: true as const, key };
}

function permission(key: DoubleKey): string {
  return [
    'General',
    ...(has(key, 'trade') ? ['Spot', 'Margin', 'Futures'] : []),
    ...(has(key, 'withdraw') ? ['Withdrawal'] : []),
    ...(has(key, 'transfer') ? ['InnerTransfer'] : []),
  ].join(',');
}

const page = (items: unknown[]) => data({ currentPage: 1, pageSize: 50, totalNum: items.length, totalPage: 1, items });

/** A fill as KuCoin lists it (the classic list and the HF one alike). */
const fill = (t: DoubleTrade) => ({
  symbol: t.symbol.replace('/', '-'),
  tradeId: rawInteger(t.id),
  orderId: t.orderId,
  counterOrderId: '5c1ab46003aa676e487fa8e4',
  side: t.side,
  liquidity: 'taker',
  forceTaker: false,
  price: t.price,
  size: t.amount,
  funds: '0',
  fee: t.fee,
  feeRate: '0.001',
  feeCurrency: t.feeAsset,
  stop: '',
  type: 'limit',
  createdAt: t.timestamp,
  tradeType: 'TRADE',
});

const routes: Route[] = [
  { method: 'GET', path: '/api/v1/timestamp', signed: false, handle: ({ now }) => data(now) },
  {
    method: 'GET',
    path: '/api/v2/symbols',
    signed: false,
    handle: () =>
      data(
        SYMBOLS.map((s) => ({
          symbol: s.symbol,
          name: s.symbol,
          baseCurrency: s.base,
          quoteCurrency: s.quote,
          feeCurrency: s.quote,
          market: 'USDS',
          baseMinSize: '0.00001',
          quoteMinSize: '0.1',
          baseMaxSize: '10000000000',
          quoteMaxSize: '99999999',
          baseIncrement: '0.00000001',
          quoteIncrement: '0.000001',
          priceIncrement: '0.1',
          priceLimitRate: '0.1',
          minFunds: '0.1',
          isMarginEnabled: true,
          enableTrading: true,
          feeCategory: 1,
          makerFeeCoefficient: '1.00',
          takerFeeCoefficient: '1.00',
          st: false,
        })),
      ),
  },
  {
    method: 'GET',
    path: '/api/v3/currencies',
    signed: false,
    handle: () =>
      data(
        ['BTC', 'ETH', 'USDT'].map((currency) => ({
          currency,
          name: currency,
          fullName: currency,
          precision: 8,
          confirms: null,
          contractAddress: null,
          isMarginEnabled: true,
          isDebitEnabled: true,
          chains: [
            {
              chainName: currency,
              withdrawalMinSize: '0.001',
              depositMinSize: '0.0001',
              withdrawFeeRate: '0',
              withdrawalMinFee: '0.0005',
              isWithdrawEnabled: true,
              isDepositEnabled: true,
              confirms: 3,
              preConfirms: 1,
              contractAddress: '',
              withdrawPrecision: 8,
              maxWithdraw: null,
              maxDeposit: null,
              needTag: false,
              chainId: currency.toLowerCase(),
            },
          ],
        })),
      ),
  },
  { method: 'GET', path: '/api/v3/margin/symbols', signed: true, handle: () => data({ timestamp: Date.now(), items: [] }) },
  { method: 'GET', path: '/api/v1/isolated/symbols', signed: true, handle: () => data([]) },
  { method: 'GET', path: '/api/v1/hf/accounts/opened', signed: true, handle: ({ key }) => data(key.hfAccount === true) },
  { method: 'GET', path: '/api/ua/v1/account/mode', signed: true, handle: () => data({ selfAccountMode: 'CLASSIC' }) },
  {
    method: 'GET',
    path: '/api/v1/user/api-key',
    signed: true,
    permissionEndpoint: true,
    handle: ({ key }) =>
      data({
        remark: 'vigil',
        apiKey: key.apiKey,
        apiVersion: 3,
        permission: permission(key),
        ipWhitelist: '',
        createdAt: 1_700_000_000_000,
        uid: 165111215,
        isMaster: true,
      }),
  },
  {
    method: 'GET',
    path: '/api/v1/accounts',
    signed: true,
    handle: ({ key, request }) => {
      // An HF account's spot balances are its trade_hf account; its classic trade account is empty.
      const type = key.hfAccount === true ? 'trade_hf' : 'trade';
      const asked = request.query.get('type');
      if (asked !== null && asked !== type) return data([]);
      return data(
        balancesOf(key).map(([currency, amount], i) => ({
          id: `5bd6e9286d99522a52e458d${i}`,
          currency,
          type,
          balance: amount,
          available: amount,
          holds: '0',
        })),
      );
    },
  },
  {
    method: 'GET',
    path: '/api/v1/fills',
    signed: true,
    handle: ({ key, request }) =>
      page(key.hfAccount === true ? [] : since(key.trades, numberParam(request.query.get('startAt'))).map(fill)),
  },
  {
    // HF fills: one market per request (symbol required), no page counts.
    method: 'GET',
    path: '/api/v1/hf/fills',
    signed: true,
    handle: ({ key, request }) => {
      const symbol = request.query.get('symbol');
      if (symbol === null) return kucoinError(400, '400100', 'symbol is required');
      const fills =
        key.hfAccount === true
          ? since(key.trades, numberParam(request.query.get('startAt')))
              .filter((t) => t.symbol.replace('/', '-') === symbol)
              .map(fill)
          : [];
      return data({ items: fills, lastId: 0 });
    },
  },
  {
    // KuCoin deposits have no id: the wallet transaction id is their identity.
    method: 'GET',
    path: '/api/v1/deposits',
    signed: true,
    handle: ({ key, request }) =>
      page(
        since(key.deposits, numberParam(request.query.get('startAt'))).map((d) => ({
          address: d.address,
          memo: '',
          amount: d.amount,
          fee: d.fee,
          currency: d.asset,
          chain: d.network.toLowerCase(),
          isInner: false,
          walletTxId: `${d.txid}@0`,
          status: 'SUCCESS',
          remark: '',
          createdAt: d.timestamp,
          updatedAt: d.timestamp,
        })),
      ),
  },
  {
    method: 'GET',
    path: '/api/v1/withdrawals',
    signed: true,
    handle: ({ key, request }) =>
      page(
        since(key.withdrawals, numberParam(request.query.get('startAt'))).map((w) => ({
          id: w.id,
          address: w.address,
          memo: '',
          currency: w.asset,
          chain: w.network.toLowerCase(),
          amount: w.amount,
          fee: w.fee,
          walletTxId: w.txid,
          isInner: false,
          status: 'SUCCESS',
          remark: '',
          createdAt: w.timestamp,
          updatedAt: w.timestamp,
        })),
      ),
  },
];

export const kucoinDialect: Dialect = {
  venue: 'kucoin',
  routes,
  authenticate,
  revoked: () => kucoinError(401, '400003', 'KC-API-KEY not exists'),
  keyRateLimited: (s) =>
    kucoinError(429, '429000', 'Too Many Requests', {
      'gw-ratelimit-limit': '4000',
      'gw-ratelimit-remaining': '0',
      'gw-ratelimit-reset': String(s * 1000),
    }),
  ipRateLimited: (s) => kucoinError(429, '429000', 'Too Many Requests', { 'retry-after': String(s) }),
  serverError: () => kucoinError(500, '500000', 'Internal Server Error'),
  notFound: () => kucoinError(404, '404000', 'Url Not Found'),
};
