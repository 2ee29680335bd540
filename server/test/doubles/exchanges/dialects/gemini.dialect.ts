import type { Dialect, DoubleKey, DoubleRequest, DoubleResponse, DoubleTransfer, Route } from '../double-types';
import { ok } from '../double-types';
import { balancesOf, has, header, hmac, sameSignature, since } from './dialect-kit';

// Gemini: the request rides base64-encoded JSON in X-GEMINI-PAYLOAD ({ request, nonce, ... }),
// signed with hex HMAC-SHA384; only account-scoped keys ("account-...") are accepted; nonces
// must increase per key. Errors { result: 'error', reason, message }.

const SYMBOLS = ['btcusd', 'ethusd'];
const geminiError = (status: number, reason: string, message: string, headers?: Record<string, string>): DoubleResponse => ({
  status,
  body: { result: 'error', reason, message },
  ...(headers ? { headers } : {}),
});
const lastNonce = new WeakMap<DoubleKey, number>();

type Payload = { request?: unknown; nonce?: unknown; symbol?: unknown; timestamp?: unknown };

function decode(payload: string | undefined): Payload | undefined {
  if (payload === undefined) return undefined;
  try {
    return JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as Payload;
  } catch {
    return undefined;
  }
}

function authenticate(request: DoubleRequest, findKey: (apiKey: string) => DoubleKey | undefined) {
  const apiKey = header(request, 'x-gemini-apikey');
  if (apiKey === undefined) return { ok: false as const, response: geminiError(400, 'MissingApikeyHeader', 'No API key header') };
  const key = findKey(apiKey);
  if (key === undefined) return { ok: false as const, response: geminiError(400, 'InvalidApiKey', 'Invalid API key') };
  const payloadText = header(request, 'x-gemini-payload');
  const payload = decode(payloadText);
  const expected = hmac('sha384', key.secret, payloadText ?? '', 'hex');
  if (
    payload === undefined ||
    !sameSignature(expected, header(request, 'x-gemini-signature')) ||
    payload.request !== request.path
  ) {
    return { ok: false as const, response: geminiError(400, 'InvalidSignature', 'InvalidSignature') };
  }
  const nonce = Number(payload.nonce);
  if (!Number.isFinite(nonce) || nonce <= (lastNonce.get(key) ?? 0))
    return { ok: false as const, response: geminiError(400, 'InvalidNonce', 'Nonce must be increasing') };
  lastNonce.set(key, nonce);
  return { ok: true as const, key };
}

const payloadOf = (request: DoubleRequest): Payload => decode(header(request, 'x-gemini-payload')) ?? {};

function transfer(t: DoubleTransfer, type: 'Deposit' | 'Withdrawal') {
  return {
    type,
    status: 'Complete',
    timestampms: t.timestamp,
    eid: Number(t.id),
    currency: t.asset,
    amount: t.amount,
    method: 'Blockchain',
    txHash: t.txid,
    destination: t.address,
    ...(type === 'Withdrawal' ? { feeAmount: t.fee } : {}),
  };
}

const routes: Route[] = [
  { method: 'GET', path: '/v1/symbols', signed: false, handle: () => ok(SYMBOLS) },
  {
    method: 'POST',
    path: '/v1/roles',
    signed: true,
    permissionEndpoint: true,
    handle: ({ key }) =>
      ok({
        isAuditor: !has(key, 'trade') && !has(key, 'withdraw') && !has(key, 'transfer'),
        isFundManager: has(key, 'withdraw') || has(key, 'transfer'),
        isTrader: has(key, 'trade'),
        counterparty_id: 'XXXX',
      }),
  },
  {
    method: 'POST',
    path: '/v1/balances',
    signed: true,
    handle: ({ key }) =>
      ok(
        balancesOf(key).map(([currency, amount]) => ({
          type: 'exchange',
          currency,
          amount,
          available: amount,
          availableForWithdrawal: amount,
        })),
      ),
  },
  {
    method: 'POST',
    path: '/v1/mytrades',
    signed: true,
    handle: ({ key, request }) => {
      const payload = payloadOf(request);
      const symbol = typeof payload.symbol === 'string' ? payload.symbol.toLowerCase() : '';
      const startSeconds = typeof payload.timestamp === 'number' ? payload.timestamp : undefined;
      return ok(
        since(key.trades, startSeconds === undefined ? undefined : startSeconds * 1000)
          .filter((t) => t.symbol.replace('/', '').toLowerCase() === symbol)
          .map((t) => ({
            price: t.price,
            amount: t.amount,
            timestamp: Math.floor(t.timestamp / 1000),
            timestampms: t.timestamp,
            type: t.side === 'buy' ? 'Buy' : 'Sell',
            aggressor: true,
            fee_currency: t.feeAsset,
            fee_amount: t.fee,
            tid: Number(t.id),
            order_id: t.orderId,
            exchange: 'gemini',
            is_auction_fill: false,
            is_clearing_fill: false,
            symbol: symbol.toUpperCase(),
          })),
      );
    },
  },
  {
    method: 'POST',
    path: '/v1/transfers',
    signed: true,
    handle: ({ key }) =>
      ok([
        ...(key.deposits ?? []).map((d) => transfer(d, 'Deposit')),
        ...(key.withdrawals ?? []).map((w) => transfer(w, 'Withdrawal')),
      ]),
  },
];

export const geminiDialect: Dialect = {
  venue: 'gemini',
  routes,
  authenticate,
  revoked: () => geminiError(400, 'InvalidApiKey', 'Invalid API key'),
  keyRateLimited: () => geminiError(429, 'RateLimit', 'Requests were made too frequently'),
  ipRateLimited: (s) => geminiError(429, 'RateLimit', 'Requests were made too frequently', { 'retry-after': String(s) }),
  serverError: () => geminiError(500, 'ServerError', 'An unexpected error occurred'),
  notFound: () => geminiError(404, 'EndpointNotFound', 'API entry point not found'),
};
