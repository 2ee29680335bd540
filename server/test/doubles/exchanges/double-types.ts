import type { IncomingHttpHeaders } from 'node:http';

// The venue-agnostic state of an exchange double; dialects render it in a venue's shapes.

export type DoublePermission = 'read' | 'trade' | 'withdraw' | 'transfer';

export type DoubleTrade = {
  id: string;
  orderId: string;
  /** Unified, e.g. 'BTC/USDT'; the dialect writes it the venue's way. */
  symbol: string;
  side: 'buy' | 'sell';
  amount: string;
  price: string;
  fee: string;
  feeAsset: string;
  timestamp: number;
};

export type DoubleTransfer = {
  /** Omitted where the venue gives none (KuCoin deposits). */
  id?: string;
  txid: string;
  asset: string;
  amount: string;
  fee: string;
  address: string;
  network: string;
  timestamp: number;
};

export type DoubleKeyInput = {
  apiKey: string;
  secret: string;
  passphrase?: string;
  /** 'read_only', or the extra powers besides reading. */
  permissions: 'read_only' | DoublePermission[];
  balances?: Record<string, string>;
  trades?: DoubleTrade[];
  deposits?: DoubleTransfer[];
  withdrawals?: DoubleTransfer[];
  /**
   * KuCoin: the account moved to high-frequency trading, as most have: its spot balances are the
   * `trade_hf` account and its fills are read per market from the HF endpoint; the classic trade
   * account and fills list are empty.
   */
  hfAccount?: boolean;
  /** When the venue reports one (Bybit expiredAt, Binance trading authority). */
  expiresAt?: Date;
  /** At most this many requests per window for this key; then the venue's rate-limit answer. */
  limit?: { requests: number; windowMs: number; retryAfterSeconds: number };
};

export type DoubleKey = Omit<DoubleKeyInput, 'permissions'> & {
  permissions: Set<DoublePermission>;
  revoked: boolean;
  /** Signed calls left before the key is revoked. */
  revokeAfter?: number;
  permissionEndpointFails: boolean;
  /** Until this instant every call with the key is answered as rate limited. */
  throttledUntil: number;
  /** Whether the client has been told about the current throttle (for sentDuringRetryAfter). */
  limitAnnounced: boolean;
  hits: number[];
};

export type DoubleRequest = {
  method: string;
  /** Path without the query, as the venue sees it (after the double's mount prefix). */
  path: string;
  query: URLSearchParams;
  /** The raw query string (signatures cover it byte for byte). */
  rawQuery: string;
  /** The path and query exactly as sent. */
  pathWithQuery: string;
  body: string;
  headers: IncomingHttpHeaders;
};

export type DoubleResponse = { status: number; body: unknown; headers?: Record<string, string> };

export type AuthOutcome = { ok: true; key: DoubleKey } | { ok: false; response: DoubleResponse };

export type RouteContext = { request: DoubleRequest; now: number };
export type SignedContext = RouteContext & { key: DoubleKey };

export type Route = {
  method: string;
  path: string | RegExp;
  /** The key's permission endpoint (answers the venue's server error when told to fail). */
  permissionEndpoint?: boolean;
} & (
  | { signed: true; handle: (ctx: SignedContext) => DoubleResponse }
  | { signed: false; handle: (ctx: RouteContext) => DoubleResponse }
);

/**
 * An integer written into the JSON text as a bare number, however large (JSON.stringify cannot:
 * KuCoin's fill ids exceed 2^53, and a double must send them the way KuCoin does).
 */
export const rawInteger = (digits: string): string => `\u0000int:${digits}`;

export function serialiseJson(body: unknown): string {
  return JSON.stringify(body).replace(/"\\u0000int:(-?\d+)"/g, '$1');
}

export const ok = (body: unknown): DoubleResponse => ({ status: 200, body });

/** What makes a double speak one venue. */
export type Dialect = {
  venue: string;
  routes: Route[];
  /** Finds the key the request names and checks its signature the venue's way. */
  authenticate: (request: DoubleRequest, findKey: (apiKey: string) => DoubleKey | undefined, now: number) => AuthOutcome;
  revoked: () => DoubleResponse;
  keyRateLimited: (retryAfterSeconds: number) => DoubleResponse;
  /** The venue's per-IP answer (429 with Retry-After at most; Bybit answers 403). */
  ipRateLimited: (retryAfterSeconds: number) => DoubleResponse;
  serverError: () => DoubleResponse;
  notFound: () => DoubleResponse;
};
