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

/** How an adapter builds its ccxt instances. */
export type InstanceOptions = {
  /** EXCHANGE_API_BASE_<VENUE>: every URL group rewritten to it, paths kept. */
  baseUrl?: string;
  /** ccxt's per-instance throttle; the poller's per-venue limiter replaces it (default on). */
  enableRateLimit?: boolean;
  timeoutMs?: number;
  /** Sees every URL ccxt is about to call (metrics; tests prove nothing leaves the override). */
  onRequest?: (url: string, method: string) => void;
};

export type LastResponse = { status?: number; headers: Record<string, string>; body?: unknown };

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

/**
 * The per-use state an instrumented instance reads at each request: whose hooks pace and classify
 * it, what the venue last answered, whether it was stopped. A fresh instance has one for its life;
 * a pooled one gets a new one at each lease (ccxt-instance-pool.ts).
 */
export type RequestState = {
  hooks: RequestHooks;
  last: LastResponse;
  stopped: boolean;
  bound: boolean;
  /** Every request issued in this state, chained: settled once all of them have. */
  queue: Promise<unknown>;
};

export const freshRequestState = (hooks: RequestHooks): RequestState => ({
  hooks,
  last: { headers: {} },
  stopped: false,
  bound: false,
  queue: Promise.resolve(),
});

/** Where an instrumented instance finds its current request state. */
export type StateHolder = { state: RequestState };

/**
 * A ccxt instance for `recipe` with no credentials yet: sandbox mode, the base-URL override,
 * string amounts and the venue's switches applied, and every request routed through `holder`'s
 * current state.
 */
export function buildInstance<E extends Exchange>(
  recipe: InstanceRecipe<E>,
  options: InstanceOptions,
  sandbox: boolean,
  holder: StateHolder,
): E {
  const exchange = recipe.construct({
    enableRateLimit: options.enableRateLimit ?? true,
    timeout: options.timeoutMs ?? 15_000,
    options: { ...(recipe.ccxtOptions ?? {}) },
  });
  if (sandbox) {
    if (!recipe.hasSandbox) throw new Error(`${recipe.venue} has no testnet`);
    exchange.setSandboxMode(true);
  }
  if (options.baseUrl !== undefined) applyBaseUrlOverride(exchange, options.baseUrl);
  // Amounts as the venue wrote them: ccxt's parsers hand strings to `number`.
  exchange.number = String as unknown as (numberString: string) => number;
  recipe.prepare?.(exchange);
  instrument(exchange, options, holder);
  return exchange;
}

/** Gives an instance a key: what ccxt signs with. */
export function useCredentials(exchange: Exchange, credentials: ExchangeCredentials): void {
  exchange.apiKey = credentials.apiKey;
  exchange.secret = credentials.secret;
  if (credentials.passphrase !== undefined) exchange.password = credentials.passphrase;
}

/** A fresh instance for one use (onboarding): its credentials go when it does. */
export function createInstance<E extends Exchange>(
  recipe: InstanceRecipe<E>,
  credentials: ExchangeCredentials,
  options: InstanceOptions,
  hooks: RequestHooks = {},
): Instrumented<E> {
  const holder: StateHolder = { state: freshRequestState(hooks) };
  const exchange = buildInstance(recipe, options, credentials.sandbox === true, holder);
  useCredentials(exchange, credentials);
  return { exchange, last: holder.state.last };
}

/**
 * One request of an instance at a time, in the order ccxt issued them (a venue method that fires
 * several at once, like KuCoin's loadMarkets, sends them one after another), each one first
 * cleared by the guard. Once the venue has answered "slow down", or the guard refused a request,
 * nothing more is sent in this request state: the requests still queued fail without leaving, as
 * a ccxt RateLimitExceeded that reads as the answer that stopped them. A guard with a local
 * address has every request sent from it (its egress, whose budget the guard counted it against).
 * A request belongs to the state current when ccxt issued it.
 */
function instrument<E extends Exchange>(exchange: E, options: InstanceOptions, holder: StateHolder): void {
  const notSent = () => new RateLimitExceeded('not sent: the venue asked to wait');
  const fetch = exchange.fetch.bind(exchange);
  exchange.fetch = (url, method, headers, body) => {
    const state = holder.state;
    const { hooks, last } = state;
    const send = async (): Promise<unknown> => {
      if (state.stopped) throw notSent();
      try {
        await hooks.guard?.beforeRequest({ url: String(url), method: String(method ?? 'GET') });
      } catch (err) {
        if (!(err instanceof RequestNotSent)) throw err;
        state.stopped = true;
        // Read like the venue's own "wait": the classification sees a 429 with its Retry-After.
        last.status = 429;
        last.headers = { 'retry-after': String(Math.max(1, Math.ceil(err.waitMs / 1000))) };
        last.body = undefined;
        throw notSent();
      }
      const localAddress = hooks.guard?.localAddress;
      if (localAddress !== undefined && !state.bound) {
        await sendFrom(exchange, localAddress);
        state.bound = true;
      }
      if (state.stopped) throw notSent();
      options.onRequest?.(String(url), String(method ?? 'GET'));
      // Forget the previous answer when a request starts, so a timeout is not read as that answer.
      last.status = undefined;
      last.headers = {};
      last.body = undefined;
      return fetch(url, method, headers, body);
    };
    const sent = state.queue.then(send, send);
    state.queue = sent.catch(() => undefined);
    return sent as ReturnType<E['fetch']>;
  };
  const onRestResponse = exchange.onRestResponse.bind(exchange);
  exchange.onRestResponse = (status, statusText, url, method, headers, body, reqHeaders, reqBody) => {
    const state = holder.state;
    const { hooks, last } = state;
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
    if (failure?.kind === 'rate_limited' && !state.stopped) {
      state.stopped = true;
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
