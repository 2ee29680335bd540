import type { Dialect, DoubleKey, DoubleRequest, DoubleResponse, Route } from '../double-types';
import { balancesOf, has, header, hmac, numberParam, sameSignature, since } from './dialect-kit';

// Bybit v5: X-BAPI-SIGN is hex HMAC-SHA256 over timestamp + key + recvWindow + query (GET) or
// body (POST). Errors ride in retCode with HTTP 200; the per-IP limit is an HTTP 403, as Bybit
// answers ("access too frequent"), and a per-key limit is retCode 10006 with the reset instant in
// X-Bapi-Limit-Reset-Timestamp.

const SYMBOLS = [
  { symbol: 'BTCUSDT', base: 'BTC', quote: 'USDT' },
  { symbol: 'ETHUSDT', base: 'ETH', quote: 'USDT' },
];

const bybit = (
  retCode: number,
  retMsg: string,
  result: unknown = {},
  status = 200,
  headers?: Record<string, string>,
): DoubleResponse => ({
  status,
  body: { retCode, retMsg, result, retExtInfo: {}, time: Date.now() },
  ...(headers ? { headers } : {}),
});
const result = (value: unknown) => bybit(0, 'OK', value);

function authenticate(request: DoubleRequest, findKey: (apiKey: string) => DoubleKey | undefined, now: number) {
  const apiKey = header(request, 'x-bapi-api-key');
  const key = apiKey === undefined ? undefined : findKey(apiKey);
  if (key === undefined) return { ok: false as const, response: bybit(10003, 'API key is invalid.') };
  const timestamp = header(request, 'x-bapi-timestamp') ?? '';
  const recvWindow = header(request, 'x-bapi-recv-window') ?? '5000';
  const payload = request.method === 'GET' ? request.rawQuery : request.body;
  const expected = hmac('sha256', key.secret, `${timestamp}${apiKey}${recvWindow}${payload}`, 'hex');
  if (!sameSignature(expected, header(request, 'x-bapi-sign')))
    return { ok: false as const, response: bybit(10004, 'error sign! origin_string[...]') };
  const ts = Number(timestamp);
  if (!Number.isFinite(ts) || ts > now + 1000 || now - ts > Number(recvWindow)) {
    return {
      ok: false as const,
      response: bybit(10002, 'invalid request, please check your server timestamp or recv_window param'),
    };
  }
  return { ok: true as const, key };
}

function permissions(key: DoubleKey) {
  return {
    ContractTrade: [],
    Spot: has(key, 'trade') ? ['SpotTrade'] : [],
    Options: [],
    Derivatives: [],
    CopyTrading: [],
    BlockTrade: [],
    Exchange: [],
    NFT: [],
    Affiliate: [],
    Wallet: [
      ...(has(key, 'transfer') ? ['AccountTransfer', 'SubMemberTransfer'] : []),
      ...(has(key, 'withdraw') ? ['Withdraw'] : []),
    ],
  };
}

function queryApi(key: DoubleKey) {
  const expiry = key.expiresAt;
  return {
    id: '13770661',
    note: 'vigil',
    apiKey: key.apiKey,
    readOnly: has(key, 'trade') || has(key, 'withdraw') ? 0 : 1,
    secret: '',
    permissions: permissions(key),
    ips: ['*'],
    type: 1,
    deadlineDay: expiry === undefined ? -2 : Math.ceil((expiry.getTime() - Date.now()) / 86_400_000),
    expiredAt: expiry === undefined ? '' : expiry.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    createdAt: '2023-01-01T00:00:00Z',
    unified: 0,
    uta: 1,
    userID: 24600000,
    inviterID: 0,
    vipLevel: 'No VIP',
    mktMakerLevel: '0',
    affiliateID: 0,
    rsaPublicKey: '',
    isMaster: true,
  };
}

const routes: Route[] = [
  {
    method: 'GET',
    path: '/v5/market/time',
    signed: false,
    handle: ({ now }) => result({ timeSecond: String(Math.floor(now / 1000)), timeNano: `${now}000000` }),
  },
  {
    method: 'GET',
    path: '/v5/market/instruments-info',
    signed: false,
    handle: () =>
      result({
        category: 'spot',
        nextPageCursor: '',
        list: SYMBOLS.map((s) => ({
          symbol: s.symbol,
          baseCoin: s.base,
          quoteCoin: s.quote,
          innovation: '0',
          status: 'Trading',
          marginTrading: 'none',
          lotSizeFilter: {
            basePrecision: '0.000001',
            quotePrecision: '0.00000001',
            minOrderQty: '0.000048',
            maxOrderQty: '71.73956243',
            minOrderAmt: '1',
            maxOrderAmt: '2000000',
          },
          priceFilter: { tickSize: '0.01' },
        })),
      }),
  },
  {
    method: 'GET',
    path: '/v5/asset/coin/query-info',
    signed: true,
    handle: () =>
      result({
        rows: ['BTC', 'ETH', 'USDT'].map((coin) => ({
          name: coin,
          coin,
          remainAmount: '100',
          chains: [
            {
              chainType: coin,
              confirmation: '1',
              withdrawFee: '0.0005',
              depositMin: '0',
              withdrawMin: '0.001',
              chain: coin,
              chainDeposit: '1',
              chainWithdraw: '1',
              minAccuracy: '8',
              withdrawPercentageFee: '0',
            },
          ],
        })),
      }),
  },
  {
    method: 'GET',
    path: '/v5/user/query-api',
    signed: true,
    permissionEndpoint: true,
    handle: ({ key }) => result(queryApi(key)),
  },
  {
    method: 'GET',
    path: '/v5/account/info',
    signed: true,
    handle: () =>
      result({
        unifiedMarginStatus: 6,
        marginMode: 'REGULAR_MARGIN',
        isMasterTrader: false,
        spotHedgingStatus: 'OFF',
        updatedTime: '1700000000000',
        dcpStatus: 'OFF',
        timeWindow: 10,
        smpGroup: 0,
      }),
  },
  {
    method: 'GET',
    path: '/v5/account/wallet-balance',
    signed: true,
    handle: ({ key }) =>
      result({
        list: [
          {
            accountType: 'UNIFIED',
            totalEquity: '0',
            totalWalletBalance: '0',
            totalMarginBalance: '0',
            totalAvailableBalance: '0',
            coin: balancesOf(key).map(([coin, amount]) => ({
              coin,
              equity: amount,
              walletBalance: amount,
              locked: '0',
              free: '',
              availableToWithdraw: amount,
              totalOrderIM: '0',
              totalPositionIM: '0',
              borrowAmount: '0',
              usdValue: '0',
              unrealisedPnl: '0',
              cumRealisedPnl: '0',
              bonus: '0',
              collateralSwitch: true,
              marginCollateral: true,
              spotHedgingQty: '0',
            })),
          },
        ],
      }),
  },
  {
    method: 'GET',
    path: '/v5/execution/list',
    signed: true,
    handle: ({ key, request }) =>
      result({
        category: 'spot',
        nextPageCursor: '',
        list: (request.query.get('category') !== 'spot'
          ? []
          : since(key.trades, numberParam(request.query.get('startTime')))
        ).map((t) => ({
          symbol: t.symbol.replace('/', ''),
          orderId: t.orderId,
          orderLinkId: '',
          side: t.side === 'buy' ? 'Buy' : 'Sell',
          orderPrice: t.price,
          orderQty: t.amount,
          leavesQty: '0',
          orderType: 'Limit',
          stopOrderType: '',
          execFee: t.fee,
          feeCurrency: t.feeAsset,
          execId: t.id,
          execPrice: t.price,
          execQty: t.amount,
          execType: 'Trade',
          execValue: '0',
          execTime: String(t.timestamp),
          isMaker: false,
          feeRate: '0.001',
          tradeIv: '',
          markIv: '',
          markPrice: '',
          indexPrice: '',
          underlyingPrice: '',
          blockTradeId: '',
          closedSize: '',
          seq: 1,
        })),
      }),
  },
  {
    method: 'GET',
    path: '/v5/asset/deposit/query-record',
    signed: true,
    handle: ({ key, request }) =>
      result({
        nextPageCursor: '',
        rows: since(key.deposits, numberParam(request.query.get('startTime'))).map((d) => ({
          id: d.id,
          coin: d.asset,
          chain: d.network,
          amount: d.amount,
          txID: d.txid,
          status: 3,
          toAddress: d.address,
          tag: '',
          depositFee: d.fee,
          successAt: String(d.timestamp),
          confirmations: '12',
          txIndex: '0',
          blockHash: '0x0',
          batchReleaseLimit: '-1',
          depositType: '0',
        })),
      }),
  },
  {
    method: 'GET',
    path: '/v5/asset/withdraw/query-record',
    signed: true,
    handle: ({ key, request }) =>
      result({
        nextPageCursor: '',
        rows: since(key.withdrawals, numberParam(request.query.get('startTime'))).map((w) => ({
          coin: w.asset,
          chain: w.network,
          amount: w.amount,
          txID: w.txid,
          status: 'success',
          toAddress: w.address,
          tag: '',
          withdrawFee: w.fee,
          createTime: String(w.timestamp),
          updateTime: String(w.timestamp),
          withdrawId: w.id,
          withdrawType: 0,
        })),
      }),
  },
];

export const bybitDialect: Dialect = {
  venue: 'bybit',
  routes,
  authenticate,
  revoked: () => bybit(10003, 'API key is invalid.'),
  keyRateLimited: (s) =>
    bybit(10006, 'Too many visits!', {}, 200, {
      'x-bapi-limit-status': '0',
      'x-bapi-limit': '10',
      'x-bapi-limit-reset-timestamp': String(Date.now() + s * 1000),
    }),
  // No Retry-After: Bybit documents a ban of at least ten minutes instead.
  ipRateLimited: () => ({ status: 403, body: 'access too frequent' }),
  serverError: () => ({
    status: 500,
    body: { retCode: 10016, retMsg: 'Internal server error.', result: {}, retExtInfo: {}, time: Date.now() },
  }),
  notFound: () => ({ status: 404, body: { retCode: 404, retMsg: 'Not Found', result: {}, retExtInfo: {}, time: Date.now() } }),
};
