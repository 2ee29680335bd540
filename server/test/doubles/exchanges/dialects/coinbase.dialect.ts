import { createPublicKey, verify } from 'node:crypto';
import type { AuthOutcome, Dialect, DoubleKey, DoubleRequest, DoubleResponse, Route } from '../double-types';
import { ok } from '../double-types';
import { balancesOf, has, header, hmac, sameSignature, since } from './dialect-kit';

// Coinbase Advanced Trade (v3) and the v2 wallet API. CDP keys ("organizations/.../apiKeys/...",
// an EC private key as secret) send a per-request ES256 JWT: kid and sub are the key name, the
// uri claim is "METHOD host/path". Legacy keys sign with CB-ACCESS-SIGN, hex HMAC-SHA256 over
// timestamp + method + path (+ '?query' on v2 only) + body.

const PRODUCTS = [
  { id: 'BTC-USD', base: 'BTC', quote: 'USD' },
  { id: 'ETH-USD', base: 'ETH', quote: 'USD' },
];

const unauthorized = (): DoubleResponse => ({
  status: 401,
  body: { error: 'UNAUTHENTICATED', error_details: 'Unauthorized', message: 'Unauthorized' },
});

type JwtParts = { header: { kid?: unknown; alg?: unknown }; payload: Record<string, unknown>; signed: string; signature: Buffer };

function splitJwt(token: string): JwtParts | undefined {
  const [h, p, sig] = token.split('.');
  if (h === undefined || p === undefined || sig === undefined) return undefined;
  try {
    const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
    const headerPart = decode(h);
    const payload = decode(p);
    if (headerPart === null || typeof headerPart !== 'object' || payload === null || typeof payload !== 'object')
      return undefined;
    return {
      header: headerPart as JwtParts['header'],
      payload: payload as Record<string, unknown>,
      signed: `${h}.${p}`,
      signature: Buffer.from(sig, 'base64url'),
    };
  } catch {
    return undefined;
  }
}

/** ccxt strips only "https://" from the URL it signs, so a double on http shows its scheme. */
function uriMatches(uri: unknown, request: DoubleRequest): boolean {
  const host = header(request, 'host') ?? '';
  return (
    typeof uri === 'string' &&
    [`${request.method} ${host}${request.path}`, `${request.method} http://${host}${request.path}`].includes(uri)
  );
}

function authenticateJwt(
  token: string,
  request: DoubleRequest,
  findKey: (apiKey: string) => DoubleKey | undefined,
  now: number,
): AuthOutcome {
  const jwt = splitJwt(token);
  const key = typeof jwt?.header.kid === 'string' ? findKey(jwt.header.kid) : undefined;
  if (jwt === undefined || key === undefined || jwt.header.alg !== 'ES256') return { ok: false, response: unauthorized() };
  let valid = false;
  try {
    valid = verify(
      'sha256',
      Buffer.from(jwt.signed),
      { key: createPublicKey(key.secret), dsaEncoding: 'ieee-p1363' },
      jwt.signature,
    );
  } catch {
    valid = false;
  }
  const { sub, nbf, exp, iss, aud, uri } = jwt.payload;
  const seconds = now / 1000;
  const claimsOk =
    sub === key.apiKey &&
    iss === 'coinbase-cloud' &&
    Array.isArray(aud) &&
    aud.includes('retail_rest_api_proxy') &&
    typeof nbf === 'number' &&
    typeof exp === 'number' &&
    nbf <= seconds + 5 &&
    seconds <= exp &&
    uriMatches(uri, request);
  return valid && claimsOk ? { ok: true, key } : { ok: false, response: unauthorized() };
}

function authenticate(request: DoubleRequest, findKey: (apiKey: string) => DoubleKey | undefined, now: number): AuthOutcome {
  const bearer = /^Bearer (.+)$/.exec(header(request, 'authorization') ?? '');
  if (bearer?.[1] !== undefined) return authenticateJwt(bearer[1], request, findKey, now);
  const apiKey = header(request, 'cb-access-key');
  const key = apiKey === undefined ? undefined : findKey(apiKey);
  if (key === undefined || key.secret.startsWith('-----BEGIN')) return { ok: false as const, response: unauthorized() };
  const timestamp = header(request, 'cb-access-timestamp') ?? '';
  const signedPath = request.path.startsWith('/v2/') && request.rawQuery !== '' ? request.pathWithQuery : request.path;
  const expected = hmac('sha256', key.secret, `${timestamp}${request.method}${signedPath}${request.body}`, 'hex');
  if (!sameSignature(expected, header(request, 'cb-access-sign'))) return { ok: false as const, response: unauthorized() };
  if (Math.abs(now / 1000 - Number(timestamp)) > 30) {
    return {
      ok: false as const,
      response: { status: 401, body: { errors: [{ id: 'authentication_error', message: 'request timestamp expired' }] } },
    };
  }
  return { ok: true as const, key };
}

const accountId = (asset: string) => `acct-${asset.toLowerCase()}`;

function v2Transaction(
  t: {
    id?: string;
    txid: string;
    asset: string;
    amount: string;
    fee: string;
    address: string;
    network: string;
    timestamp: number;
  },
  kind: 'deposit' | 'withdrawal',
) {
  return {
    id: t.id,
    type: 'send',
    status: 'completed',
    amount: { amount: kind === 'withdrawal' ? `-${t.amount}` : t.amount, currency: t.asset },
    native_amount: { amount: '0.00', currency: 'USD' },
    description: null,
    created_at: new Date(t.timestamp).toISOString(),
    updated_at: new Date(t.timestamp).toISOString(),
    resource: 'transaction',
    network: {
      status: 'confirmed',
      hash: t.txid,
      name: t.network.toLowerCase(),
      transaction_fee: { amount: t.fee, currency: t.asset },
    },
    ...(kind === 'withdrawal'
      ? { to: { resource: 'address', address: t.address } }
      : { from: { resource: 'address', address: t.address } }),
  };
}

const routes: Route[] = [
  {
    method: 'GET',
    path: '/api/v3/brokerage/time',
    signed: false,
    handle: ({ now }) =>
      ok({ iso: new Date(now).toISOString(), epochSeconds: String(Math.floor(now / 1000)), epochMillis: String(now) }),
  },
  {
    method: 'GET',
    path: '/api/v3/brokerage/market/products',
    signed: false,
    handle: ({ request }) =>
      ok({
        products:
          request.query.get('product_type') === 'FUTURE'
            ? []
            : PRODUCTS.map((p) => ({
                product_id: p.id,
                price: '30000',
                base_increment: '0.00000001',
                quote_increment: '0.01',
                base_min_size: '0.00000001',
                base_max_size: '3400',
                quote_min_size: '1',
                quote_max_size: '150000000',
                base_name: p.base,
                quote_name: p.quote,
                status: 'online',
                trading_disabled: false,
                product_type: 'SPOT',
                base_currency_id: p.base,
                quote_currency_id: p.quote,
                base_display_symbol: p.base,
                quote_display_symbol: p.quote,
                is_disabled: false,
                new: false,
                cancel_only: false,
                limit_only: false,
                post_only: false,
                auction_mode: false,
                view_only: false,
                alias: '',
                alias_to: [],
              })),
        num_products: PRODUCTS.length,
      }),
  },
  {
    method: 'GET',
    path: '/api/v3/brokerage/transaction_summary',
    signed: true,
    handle: () =>
      ok({
        total_volume: 0,
        total_fees: 0,
        fee_tier: { pricing_tier: 'Advanced 1', usd_from: '0', usd_to: '1000', taker_fee_rate: '0.006', maker_fee_rate: '0.004' },
      }),
  },
  {
    method: 'GET',
    path: '/v2/currencies',
    signed: false,
    handle: () => ok({ data: [{ id: 'USD', name: 'US Dollar', min_size: '0.01' }] }),
  },
  {
    method: 'GET',
    path: '/v2/exchange-rates',
    signed: false,
    handle: () => ok({ data: { currency: 'USD', rates: { BTC: '0.000033', ETH: '0.00055', USD: '1.0' } } }),
  },
  {
    method: 'GET',
    path: '/v2/currencies/crypto',
    signed: false,
    handle: () =>
      ok({
        data: ['BTC', 'ETH'].map((code, i) => ({
          asset_id: `asset-${code}`,
          code,
          name: code,
          color: '#000000',
          sort_index: i,
          exponent: 8,
          type: 'crypto',
          address_regex: '.*',
        })),
      }),
  },
  {
    method: 'GET',
    path: '/api/v3/brokerage/key_permissions',
    signed: true,
    permissionEndpoint: true,
    handle: ({ key }) =>
      ok({
        can_view: true,
        can_trade: has(key, 'trade'),
        can_transfer: has(key, 'withdraw') || has(key, 'transfer'),
        portfolio_uuid: 'portfolio-1',
        portfolio_type: 'DEFAULT',
      }),
  },
  {
    method: 'GET',
    path: '/api/v3/brokerage/accounts',
    signed: true,
    handle: ({ key }) =>
      ok({
        accounts: balancesOf(key).map(([asset, amount]) => ({
          uuid: accountId(asset),
          name: `${asset} Wallet`,
          currency: asset,
          available_balance: { value: amount, currency: asset },
          default: false,
          active: true,
          created_at: '2023-01-01T00:00:00Z',
          updated_at: '2023-01-01T00:00:00Z',
          deleted_at: null,
          type: asset === 'USD' ? 'ACCOUNT_TYPE_FIAT' : 'ACCOUNT_TYPE_CRYPTO',
          ready: true,
          hold: { value: '0', currency: asset },
          retail_portfolio_id: 'portfolio-1',
        })),
        has_next: false,
        cursor: '',
        size: balancesOf(key).length,
      }),
  },
  {
    method: 'GET',
    path: '/api/v3/brokerage/orders/historical/fills',
    signed: true,
    handle: ({ key, request }) => {
      const start = request.query.get('start_sequence_timestamp');
      return ok({
        fills: since(key.trades, start === null ? undefined : Date.parse(start)).map((t) => ({
          entry_id: `entry-${t.id}`,
          trade_id: t.id,
          order_id: t.orderId,
          trade_time: new Date(t.timestamp).toISOString(),
          trade_type: 'FILL',
          price: t.price,
          size: t.amount,
          commission: t.fee,
          product_id: t.symbol.replace('/', '-'),
          sequence_timestamp: new Date(t.timestamp).toISOString(),
          liquidity_indicator: 'TAKER',
          size_in_quote: false,
          user_id: 'user-1',
          side: t.side.toUpperCase(),
        })),
        cursor: '',
      });
    },
  },
  {
    method: 'GET',
    path: /^\/v2\/accounts\/acct-[a-z]+\/transactions$/,
    signed: true,
    handle: ({ key, request }) => {
      const asset = request.path.split('/')[3]?.slice('acct-'.length).toUpperCase();
      const deposits = (key.deposits ?? []).filter((d) => d.asset === asset).map((d) => v2Transaction(d, 'deposit'));
      const withdrawals = (key.withdrawals ?? []).filter((w) => w.asset === asset).map((w) => v2Transaction(w, 'withdrawal'));
      return ok({
        pagination: { ending_before: null, starting_after: null, limit: 25, order: 'desc', next_uri: null },
        data: [...deposits, ...withdrawals],
      });
    },
  },
];

export const coinbaseDialect: Dialect = {
  venue: 'coinbase',
  routes,
  authenticate,
  revoked: unauthorized,
  keyRateLimited: () => ({
    status: 429,
    body: { error: 'RESOURCE_EXHAUSTED', message: 'Too many requests', error_details: 'Too many requests' },
  }),
  ipRateLimited: (s) => ({
    status: 429,
    body: { error: 'RESOURCE_EXHAUSTED', message: 'Too many requests' },
    headers: { 'retry-after': String(s) },
  }),
  serverError: () => ({ status: 500, body: { error: 'INTERNAL', message: 'internal error' } }),
  notFound: () => ({ status: 404, body: { error: 'NOT_FOUND', message: 'Not Found' } }),
};
