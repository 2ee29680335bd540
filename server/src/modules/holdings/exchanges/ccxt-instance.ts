import { BaseError, RateLimitExceeded, type ConstructorArgs, type Exchange } from 'ccxt';
import {
  RequestNotSent,
  type ExchangeCredentials,
  type ExchangeFailure,
  type RequestGuard,
  type VenueId,
} from './exchange-adapter';
import { ExchangeFailureError, MalformedVenueAnswer, type ObservedFailure } from './exchange-failure';
import { applyBaseUrlOverride } from './base-url-override';
import { sendFrom } from './ccxt-egress';

/**
 * What an instance does around its requests: `classify` reads every answer the venue's way (a
 * "slow down" answer stops the instance: nothing more is sent on it); `guard` paces and gates
 * each request before it is sent (the poller's limiter).
 */
export type RequestHooks = {
  classify?: (observed: ObservedFailure) => ExchangeFailure;
  guard?: RequestGuard;
};

/** How an adapter builds its ccxt instances (one per call: credentials never outlive it). */
export type InstanceOptions = {
  /** EXCHANGE_API_BASE_<VENUE>: every URL group rewritten to it, paths kept. */
  baseUrl?: string;
  /** ccxt's per-instance throttle; the poller's per-venue limiter replaces it (default on). */
  enableRateLimit?: boolean;
  timeoutMs?: number;
  /** Sees every URL ccxt is about to call (metrics; tests prove nothing leaves the override). */
  onRequest?: (url: string, method: string) => void;
};

type LastResponse = { status?: number; headers: Record<string, string>; body?: unknown };

/** An instance plus what it last heard, for classifying a failure by the venue's own answer. */
export type Instrumented<E extends Exchange> = { exchange: E; last: LastResponse };

export type InstanceRecipe<E extends Exchange> = {
  venue: VenueId;
  construct: (config: ConstructorArgs) => E;
  hasSandbox: boolean;
  ccxtOptions?: Record<string, unknown>;
  /** Venue-specific switches after construction (e.g. KuCoin keeps big ids exact). */
  prepare?: (exchange: E) => void;
};

function parseMaybeJson(text: unknown): unknown {
  if (typeof text !== 'string') return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function lowerCaseKeys(headers: unknown): Record<string, string> {
  if (headers === null || typeof headers !== 'object') return {};
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
}

export function createInstance<E extends Exchange>(
  recipe: InstanceRecipe<E>,
  credentials: ExchangeCredentials,
  options: InstanceOptions,
  hooks: RequestHooks = {},
): Instrumented<E> {
  const exchange = recipe.construct({
    apiKey: credentials.apiKey,
    secret: credentials.secret,
    ...(credentials.passphrase !== undefined ? { password: credentials.passphrase } : {}),
    enableRateLimit: options.enableRateLimit ?? true,
    timeout: options.timeoutMs ?? 15_000,
    options: { ...(recipe.ccxtOptions ?? {}) },
  });
  if (credentials.sandbox === true) {
    if (!recipe.hasSandbox) throw new Error(`${recipe.venue} has no testnet`);
    exchange.setSandboxMode(true);
  }
  if (options.baseUrl !== undefined) applyBaseUrlOverride(exchange, options.baseUrl);
  // Amounts as the venue wrote them: ccxt's parsers hand strings to `number`.
  exchange.number = String as unknown as (numberString: string) => number;
  recipe.prepare?.(exchange);
  const last: LastResponse = { headers: {} };
  instrument(exchange, last, options, hooks);
  return { exchange, last };
}

/**
 * One request of an instance at a time, in the order ccxt issued them (a venue method that fires
 * several at once, like KuCoin's loadMarkets, sends them one after another), each one first
 * cleared by the guard. Once the venue has answered "slow down", or the guard refused a request,
 * nothing more is sent on this instance: the requests still queued fail without leaving, as a
 * ccxt RateLimitExceeded that reads as the answer that stopped them. A guard with a local address
 * has every request sent from it (its egress, whose budget the guard counted it against).
 */
function instrument<E extends Exchange>(exchange: E, last: LastResponse, options: InstanceOptions, hooks: RequestHooks): void {
  let stopped = false;
  let bound = false;
  let queue: Promise<unknown> = Promise.resolve();
  const notSent = () => new RateLimitExceeded('not sent: the venue asked to wait');
  const fetch = exchange.fetch.bind(exchange);
  exchange.fetch = (url, method, headers, body) => {
    const send = async (): Promise<unknown> => {
      if (stopped) throw notSent();
      try {
        await hooks.guard?.beforeRequest({ url: String(url), method: String(method ?? 'GET') });
      } catch (err) {
        if (!(err instanceof RequestNotSent)) throw err;
        stopped = true;
        // Read like the venue's own "wait": the classification sees a 429 with its Retry-After.
        last.status = 429;
        last.headers = { 'retry-after': String(Math.max(1, Math.ceil(err.waitMs / 1000))) };
        last.body = undefined;
        throw notSent();
      }
      const localAddress = hooks.guard?.localAddress;
      if (localAddress !== undefined && !bound) {
        await sendFrom(exchange, localAddress);
        bound = true;
      }
      if (stopped) throw notSent();
      options.onRequest?.(String(url), String(method ?? 'GET'));
      // Forget the previous answer when a request starts, so a timeout is not read as that answer.
      last.status = undefined;
      last.headers = {};
      last.body = undefined;
      return fetch(url, method, headers, body);
    };
    const sent = queue.then(send, send);
    queue = sent.catch(() => undefined);
    return sent as ReturnType<E['fetch']>;
  };
  const onRestResponse = exchange.onRestResponse.bind(exchange);
  exchange.onRestResponse = (status, statusText, url, method, headers, body, reqHeaders, reqBody) => {
    last.status = Number(status);
    last.headers = lowerCaseKeys(headers);
    last.body = parseMaybeJson(body);
    // Synchronous with the answer: the next queued request sees `stopped` before it could leave.
    const failure = hooks.classify?.({
      errorClass: 'Response',
      errorClasses: [],
      status: last.status,
      headers: last.headers,
      body: last.body,
    });
    if (failure?.kind === 'rate_limited' && !stopped) {
      stopped = true;
      hooks.guard?.rateLimited({ status: last.status, headers: last.headers, body: last.body }, failure);
    }
    return onRestResponse(status, statusText, url, method, headers, body, reqHeaders, reqBody) as unknown;
  };
}

function errorClassesOf(err: unknown): string[] {
  const names: string[] = [];
  let proto: unknown = err === null || typeof err !== 'object' ? null : Object.getPrototypeOf(err);
  while (proto !== null && proto !== Error.prototype && proto !== Object.prototype) {
    const ctor = (proto as { constructor?: { name?: string } }).constructor;
    if (ctor?.name !== undefined) names.push(ctor.name);
    proto = Object.getPrototypeOf(proto);
  }
  return names;
}

export function observe(err: unknown, last: LastResponse): ObservedFailure {
  const classes = errorClassesOf(err);
  const isVenueCall = err instanceof BaseError;
  return {
    errorClass: classes[0] ?? 'Error',
    errorClasses: classes,
    // Only a ccxt error came from the venue; a TypeError in a parser did not.
    ...(isVenueCall && last.status !== undefined ? { status: last.status } : {}),
    headers: isVenueCall ? last.headers : {},
    ...(isVenueCall ? { body: last.body } : {}),
  };
}

/** Runs venue calls; any failure leaves as an ExchangeFailureError classified by the venue. */
export async function callVenue<E extends Exchange, T>(
  venue: VenueId,
  instance: Instrumented<E>,
  classify: (observed: ObservedFailure) => ExchangeFailure,
  run: (exchange: E) => Promise<T>,
): Promise<T> {
  try {
    return await run(instance.exchange);
  } catch (err) {
    if (err instanceof ExchangeFailureError) throw err;
    if (err instanceof MalformedVenueAnswer) {
      throw new ExchangeFailureError(venue, { kind: 'error', message: `${venue}: unusable answer (${err.message})` });
    }
    throw new ExchangeFailureError(venue, classify(observe(err, instance.last)));
  }
}
