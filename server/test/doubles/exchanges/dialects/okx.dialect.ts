import type { Dialect, DoubleKey, DoubleRequest, DoubleResponse, Route } from '../double-types';
import { ok } from '../double-types';
import { balancesOf, has, header, hmac, numberParam, sameSignature, since } from './dialect-kit';

// OKX v5: OK-ACCESS-SIGN is base64 HMAC-SHA256 over ISO timestamp + method + path?query + body,
// with the key's passphrase in OK-ACCESS-PASSPHRASE. Errors { code, msg, data: [] }.

const INSTRUMENTS = [
  { instId: 'BTC-USDT', base: 'BTC', quote: 'USDT' },
  { instId: 'ETH-USDT', base: 'ETH', quote: 'USDT' },
];

const okxError = (status: number, code: string, msg: string, headers?: Record<string, string>): DoubleResponse => ({
  status,
  body: { code, msg, data: [] },
  ...(headers ? { headers } : {}),
});
const data = (rows: unknown[]) => ok({ code: '0', msg: '', data: rows });

function authenticate(request: DoubleRequest, findKey: (apiKey: string) => DoubleKey | undefined, now: number) {
  const apiKey = header(request, 'ok-access-key');
  const key = apiKey === undefined ? undefined : findKey(apiKey);
  if (key === undefined) return { ok: false as const, response: okxError(401, '50111', 'Invalid OK-ACCESS-KEY') };
  const timestamp = header(request, 'ok-access-timestamp') ?? '';
  const expected = hmac('sha256', key.secret, `${timestamp}${request.method}${request.pathWithQuery}${request.body}`, 'base64');
  if (!sameSignature(expected, header(request, 'ok-access-sign')))
    return { ok: false as const, response: okxError(401, '50113', 'Invalid Sign') };
  if (header(request, 'ok-access-passphrase') !== key.passphrase)
    return { ok: false as const, response: okxError(401, '50105', 'Your OK-ACCESS-PASSPHRASE is incorrect.') };
  const at = Date.parse(timestamp);
  if (Number.isNaN(at) || Math.abs(now - at) > 30_000)
    return { ok: false as const, response: okxError(401, '50102', 'Timestamp request expired') };
  return { ok: true as const, key };
}

function perm(key: DoubleKey): string {
  return [
    'read_only',
    ...(has(key, 'trade') ? ['trade'] : []),
    ...(has(key, 'withdraw') || has(key, 'transfer') ? ['withdraw'] : []),
  ].join(',');
}

const state = '2';

const routes: Route[] = [
  { method: 'GET', path: '/api/v5/public/time', signed: false, handle: ({ now }) => data([{ ts: String(now) }]) },
  {
    method: 'GET',
    path: '/api/v5/public/instruments',
    signed: false,
    handle: ({ request }) =>
      data(
        request.query.get('instType') !== 'SPOT'
          ? []
          : INSTRUMENTS.map((i) => ({
              instType: 'SPOT',
              instId: i.instId,
              uly: '',
              instFamily: '',
              baseCcy: i.base,
              quoteCcy: i.quote,
              settleCcy: '',
              ctVal: '',
              ctMult: '',
              ctValCcy: '',
              optType: '',
              stk: '',
              listTime: '1606468572000',
              expTime: '',
              lever: '10',
              tickSz: '0.1',
              lotSz: '0.00000001',
              minSz: '0.00001',
              ctType: '',
              alias: '',
              state: 'live',
              maxLmtSz: '10000',
              maxMktSz: '1000000',
            })),
      ),
  },
  {
    method: 'GET',
    path: '/api/v5/asset/currencies',
    signed: true,
    handle: () =>
      data(
        ['BTC', 'ETH', 'USDT'].map((ccy) => ({
          ccy,
          name: ccy,
          chain: `${ccy}-${ccy === 'USDT' ? 'ERC20' : ccy}`,
          canDep: true,
          canWd: true,
          canInternal: true,
          minDep: '0.0001',
          minWd: '0.001',
          maxWd: '500',
          wdTickSz: '8',
          wdQuota: '10000000',
          usedWdQuota: '0',
          minFee: '0.0002',
          maxFee: '0.0004',
          mainNet: true,
          needTag: false,
          minDepArrivalConfirm: '1',
          minWdUnlockConfirm: '2',
          depQuotaFixed: '',
          usedDepQuotaFixed: '',
          logoLink: '',
        })),
      ),
  },
  {
    method: 'GET',
    path: '/api/v5/account/config',
    signed: true,
    permissionEndpoint: true,
    handle: ({ key }) =>
      data([
        {
          uid: '44705892343619584',
          mainUid: '44705892343619584',
          acctLv: '2',
          posMode: 'net_mode',
          autoLoan: false,
          greeksType: 'PA',
          level: 'Lv1',
          levelTmp: '',
          ctIsoMode: 'automatic',
          mgnIsoMode: 'automatic',
          spotOffsetType: '',
          roleType: '0',
          traderInsts: [],
          spotRoleType: '0',
          spotTraderInsts: [],
          opAuth: '0',
          kycLv: '3',
          label: 'vigil',
          ip: '',
          perm: perm(key),
          liquidationGear: '-1',
          enableSpotBorrow: false,
          spotBorrowAutoRepay: false,
          type: '0',
        },
      ]),
  },
  {
    method: 'GET',
    path: '/api/v5/account/balance',
    signed: true,
    handle: ({ key, now }) =>
      data([
        {
          totalEq: '0',
          uTime: String(now),
          details: balancesOf(key).map(([ccy, amount]) => ({
            ccy,
            eq: amount,
            cashBal: amount,
            availBal: amount,
            availEq: amount,
            frozenBal: '0',
            ordFrozen: '0',
            uTime: String(now),
          })),
        },
      ]),
  },
  {
    method: 'GET',
    path: '/api/v5/trade/fills-history',
    signed: true,
    handle: ({ key, request }) =>
      data(
        since(key.trades, numberParam(request.query.get('begin'))).map((t) => ({
          instType: 'SPOT',
          instId: t.symbol.replace('/', '-'),
          tradeId: t.id,
          ordId: t.orderId,
          clOrdId: '',
          billId: `b${t.id}`,
          tag: '',
          fillPx: t.price,
          fillSz: t.amount,
          side: t.side,
          posSide: 'net',
          execType: 'T',
          feeCcy: t.feeAsset,
          fee: `-${t.fee}`,
          ts: String(t.timestamp),
        })),
      ),
  },
  {
    method: 'GET',
    path: '/api/v5/asset/deposit-history',
    signed: true,
    handle: ({ key }) =>
      data(
        (key.deposits ?? []).map((d) => ({
          ccy: d.asset,
          chain: `${d.asset}-${d.network}`,
          amt: d.amount,
          from: '',
          to: d.address,
          txId: d.txid,
          ts: String(d.timestamp),
          state,
          depId: d.id,
          actualDepBlkConfirm: '12',
        })),
      ),
  },
  {
    method: 'GET',
    path: '/api/v5/asset/withdrawal-history',
    signed: true,
    handle: ({ key }) =>
      data(
        (key.withdrawals ?? []).map((w) => ({
          ccy: w.asset,
          chain: `${w.asset}-${w.network}`,
          amt: w.amount,
          ts: String(w.timestamp),
          from: '',
          to: w.address,
          txId: w.txid,
          fee: w.fee,
          feeCcy: w.asset,
          state,
          wdId: w.id,
          clientId: '',
        })),
      ),
  },
];

export const okxDialect: Dialect = {
  venue: 'okx',
  routes,
  authenticate,
  revoked: () => okxError(401, '50111', 'Invalid OK-ACCESS-KEY'),
  keyRateLimited: () =>
    okxError(429, '50011', 'Rate limit reached. Please refer to API documentation and throttle requests accordingly.'),
  ipRateLimited: (s) => okxError(429, '50011', 'Too Many Requests', { 'retry-after': String(s) }),
  serverError: () => okxError(500, '50001', 'Service temporarily unavailable. Try again later'),
  notFound: () => okxError(404, '50000', 'Not Found'),
};
