import type { Exchange } from 'ccxt';
import type { ExchangeCredentials } from './exchange-adapter';
import {
  buildInstance,
  freshRequestState,
  useCredentials,
  type InstanceOptions,
  type InstanceRecipe,
  type Instrumented,
  type RequestHooks,
  type StateHolder,
} from './ccxt-instance';

/** Idle instances kept per venue and mode: a worker runs QUEUE_POLLING_CONCURRENCY polls at once (4 by default). */
const DEFAULT_MAX_IDLE = 16;

/** An instance lent to one poll: give it back once, when the poll is done with it. */
export type LeasedInstance<E extends Exchange> = { instance: Instrumented<E>; release(): Promise<void> };

type Pooled<E extends Exchange> = {
  exchange: E;
  holder: StateHolder;
  /** Every own property as built, before any key or request: what each lease starts from. */
  pristine: ReadonlyMap<string, unknown>;
  pristineOptions: Record<string, unknown>;
};

/**
 * Polls reuse ccxt instances instead of building one per poll: building one costs 2.6-17 ms of CPU
 * in the bench, Binance the most (ccxt defines each of the venue's hundreds of endpoints as a method of
 * the instance), a large share of a poll's own CPU.
 *
 * An instance keeps per-account state between calls: Binance remembers that a key once
 * authenticated (and then reads a revoked key's -2015 as DDoSProtection), Coinbase caches the
 * account list, Bybit the unified-margin status, KuCoin whether the account is HF; and the last
 * request and response, the markets, the egress dispatcher. So when an instance comes back it is
 * reset to the instance as built: every own property added since is deleted, every one reassigned
 * is put back, and `options`, which ccxt changes in place, becomes a fresh copy of the built one.
 * A lease therefore starts from the instance as built, and an idle instance holds no key and
 * nothing read with one (instance-pool.test.ts compares a returned instance with a new one,
 * property by property, at every venue). An instance comes back only once every request it issued
 * has settled, and its old lease can send nothing more.
 */
export class InstancePool<E extends Exchange> {
  private readonly idle: { live: Pooled<E>[]; sandbox: Pooled<E>[] } = { live: [], sandbox: [] };

  constructor(
    private readonly recipe: InstanceRecipe<E>,
    private readonly options: InstanceOptions,
    private readonly maxIdle = DEFAULT_MAX_IDLE,
  ) {}

  async lease(credentials: ExchangeCredentials, hooks: RequestHooks): Promise<LeasedInstance<E>> {
    const mode = credentials.sandbox === true ? 'sandbox' : 'live';
    const pooled = this.idle[mode].pop() ?? (await this.build(mode === 'sandbox'));
    const state = freshRequestState(hooks);
    pooled.holder.state = state;
    useCredentials(pooled.exchange, credentials);
    let released = false;
    return {
      instance: { exchange: pooled.exchange, last: state.last },
      release: async () => {
        if (released) return;
        released = true;
        // Whatever ccxt still has queued in this lease waits its turn, then fails unsent.
        state.stopped = true;
        for (let queue = state.queue; ; queue = state.queue) {
          await queue;
          if (queue === state.queue) break;
        }
        reset(pooled);
        if (this.idle[mode].length < this.maxIdle) this.idle[mode].push(pooled);
      },
    };
  }

  private async build(sandbox: boolean): Promise<Pooled<E>> {
    const holder: StateHolder = { state: freshRequestState({}) };
    const exchange = buildInstance(this.recipe, this.options, sandbox, holder);
    // The HTTP client (undici, its keep-alive Agent) loads once and stays with the instance.
    await exchange.loadFetchImplementation();
    const own = exchange as unknown as Record<string, unknown>;
    return {
      exchange,
      holder,
      pristine: new Map(Object.keys(own).map((key) => [key, own[key]])),
      pristineOptions: structuredClone(exchange.options) as Record<string, unknown>,
    };
  }
}

/** The instance as it was built: no key, no account state, no request state. */
function reset<E extends Exchange>(pooled: Pooled<E>): void {
  const own = pooled.exchange as unknown as Record<string, unknown>;
  for (const key of Object.keys(own)) if (!pooled.pristine.has(key)) delete own[key];
  for (const [key, value] of pooled.pristine) if (own[key] !== value) own[key] = value;
  own.options = structuredClone(pooled.pristineOptions);
  pooled.holder.state = freshRequestState({});
}
