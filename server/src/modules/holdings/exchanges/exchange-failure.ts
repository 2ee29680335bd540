import type { ExchangeFailure, VenueId } from './exchange-adapter';

/**
 * Thrown by adapters instead of ccxt's errors. Its message is built here from the venue id, the
 * failure kind and the venue's error code only: ccxt messages can carry request URLs and bodies,
 * which must not reach logs next to a key.
 */
export class ExchangeFailureError extends Error {
  constructor(
    readonly venue: VenueId,
    readonly failure: ExchangeFailure,
  ) {
    super(failure.message);
    this.name = 'ExchangeFailureError';
  }
}

/** A venue answer our normalisers could not use; the message is ours, never the venue's data. */
export class MalformedVenueAnswer extends Error {
  override readonly name = 'MalformedVenueAnswer';
}

/** What the adapter saw of a failed call: the ccxt error class and the last HTTP response. */
export type ObservedFailure = {
  /** ccxt error class name, e.g. 'AuthenticationError', 'DDoSProtection', 'RequestTimeout'. */
  errorClass: string;
  /** Every ccxt error class the error is an instance of (NetworkError, ExchangeError, ...). */
  errorClasses: string[];
  status?: number;
  /** Response headers, lower-cased names. */
  headers: Record<string, string>;
  /** The parsed JSON body of the last response, when it was JSON. */
  body?: unknown;
};

/** Retry-After as seconds or an HTTP date, in milliseconds from now. */
export function retryAfterFromHeader(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/** A field of a JSON object body as a string, or undefined. */
export function bodyField(body: unknown, key: string): string | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const value = (body as Record<string, unknown>)[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

type Rules = {
  venue: VenueId;
  /** The venue's error code (or reason) in a body, if any. */
  venueCode: (body: unknown) => string | undefined;
  authCodes: ReadonlySet<string>;
  rateLimitCodes: ReadonlySet<string>;
  /** Codes meaning "your clock / nonce is off": an 'error', never an auth failure. */
  clockCodes?: ReadonlySet<string>;
  /** Statuses that mean "slow down" at this venue besides 429 (Binance 418, Bybit 403). */
  rateLimitStatuses?: ReadonlySet<number>;
  /** Statuses that mean "this key is not accepted" at this venue (most say 401). */
  authStatuses?: ReadonlySet<number>;
  /** A venue-specific wait, when the venue states it outside Retry-After. */
  retryAfterMs?: (observed: ObservedFailure) => number | undefined;
};

/**
 * Classification by venue: the venue's own code decides first, then its HTTP status; ccxt's error
 * class only as a last resort, and never an InvalidNonce/clock-skew as auth_failed (the health
 * check confirms an auth failure with a fresh scope call anyway).
 */
export function classifyByVenue(rules: Rules, observed: ObservedFailure): ExchangeFailure {
  const venueCode = rules.venueCode(observed.body);
  const retryAfterMs = rules.retryAfterMs?.(observed) ?? retryAfterFromHeader(observed.headers['retry-after']);
  const describe = (kind: string) =>
    `${rules.venue}: ${kind}${venueCode !== undefined ? ` (venue code ${venueCode})` : ''}` +
    `${observed.status !== undefined ? ` [HTTP ${observed.status}]` : ''} ${observed.errorClass}`;
  const status = observed.status;
  const rateByStatus = status === 429 || (status !== undefined && rules.rateLimitStatuses?.has(status) === true);
  if ((venueCode !== undefined && rules.rateLimitCodes.has(venueCode)) || rateByStatus) {
    return {
      kind: 'rate_limited',
      venueCode,
      message: describe('rate limited'),
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    };
  }
  // Clock skew and stale nonces are the venue refusing the request, not the key.
  if (observed.errorClasses.includes('InvalidNonce') || (venueCode !== undefined && rules.clockCodes?.has(venueCode) === true)) {
    return { kind: 'error', venueCode, message: describe('clock or nonce refused') };
  }
  if (venueCode !== undefined && rules.authCodes.has(venueCode)) {
    return { kind: 'auth_failed', venueCode, message: describe('key not accepted') };
  }
  const authByStatus = status !== undefined && (rules.authStatuses ?? new Set([401])).has(status);
  if (authByStatus || observed.errorClasses.includes('AuthenticationError')) {
    return { kind: 'auth_failed', venueCode, message: describe('key not accepted') };
  }
  if (observed.errorClasses.includes('RateLimitExceeded')) {
    return {
      kind: 'rate_limited',
      venueCode,
      message: describe('rate limited'),
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    };
  }
  return { kind: 'error', venueCode, message: describe('failed') };
}
