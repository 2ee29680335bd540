import { createHash } from 'node:crypto';
import { RequestNotSent, type ExchangeFailure, type RequestGuard, type VenueAnswer } from '../exchanges/exchange-adapter';
import { DEFAULT_EGRESS, type Egress } from './egress-addresses';
import type { VenueGate } from './venue-gate';
import type { VenueLimits } from './venue-limits';

/** The wait assumed when the venue says "slow down" without saying how long. */
export const DEFAULT_RATE_LIMIT_WAIT_MS = 60_000;

/** Why a poll stopped sending: the venue said "slow down", or a gate or the budget kept a request back. */
export type PollStop =
  { by: 'venue'; waitMs: number; keyLevel: boolean; failure: ExchangeFailure } | { by: 'gate' | 'budget'; waitMs: number };

/** An opaque, stable id of an API key for gate and bucket names: the key itself never reaches Redis. */
export const keyIdOf = (apiKey: string): string => createHash('sha256').update(apiKey).digest('hex').slice(0, 32);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One poll's RequestGuard: each request is admitted by the venue gate (gates open, both buckets
 * debited, paced by at most `maxWaitMs`: a request is signed before it waits, and venues refuse
 * stale timestamps after 5-30 s); a "slow down" answer closes the key's gate or the venue's at
 * once, before ccxt has even raised its error, so no other poll of any worker sends meanwhile.
 * The poll's requests leave from its egress (`localAddress`, bound by the adapter), the one
 * whose gate and bucket they are counted in: one object, so the two cannot disagree.
 */
export class PollGuard implements RequestGuard {
  private stop: PollStop | undefined;
  private readonly closing: Promise<unknown>[] = [];

  constructor(
    private readonly gate: VenueGate,
    private readonly venue: string,
    private readonly keyId: string,
    private readonly limits: VenueLimits,
    private readonly maxWaitMs: number,
    private readonly egress: Egress = DEFAULT_EGRESS,
  ) {}

  get localAddress(): string | undefined {
    return this.egress.localAddress;
  }

  async beforeRequest(request: { url: string; method: string }): Promise<void> {
    const path = pathOf(request.url);
    const admitted = await this.gate.admit({
      venue: this.venue,
      key: this.keyId,
      egressCost: this.limits.egressCost(path),
      keyCost: this.limits.keyCost(path),
      maxWaitMs: this.maxWaitMs,
      egress: this.egress.name,
    });
    if (!admitted.go) this.refuse(admitted.reason, admitted.waitMs);
    if (admitted.waitMs > 0) {
      await sleep(admitted.waitMs);
      // A gate another worker closed while this request waited its turn.
      const closed = await this.gate.waitFor(this.venue, this.keyId, this.egress.name);
      if (closed > 0) this.refuse('gate', closed);
    }
  }

  rateLimited(answer: VenueAnswer, failure: ExchangeFailure): void {
    const keyLevel = this.limits.keyLevel(answer);
    const stop = { by: 'venue' as const, waitMs: failure.retryAfterMs ?? DEFAULT_RATE_LIMIT_WAIT_MS, keyLevel, failure };
    this.stop = stop;
    // The gate's wait, backed off for a repeated refusal, is the one the poll is deferred by.
    const closing = this.gate
      .close(this.venue, stop.waitMs, keyLevel ? this.keyId : undefined, this.egress.name)
      .then((waitMs) => {
        stop.waitMs = waitMs;
      });
    closing.catch(() => undefined); // handled in settled()
    this.closing.push(closing);
  }

  /** Once the adapter has returned: the gate it closed is closed (or the error is thrown), and why it stopped. */
  async settled(): Promise<PollStop | undefined> {
    await Promise.all(this.closing);
    return this.stop;
  }

  private refuse(reason: 'gate' | 'budget', waitMs: number): never {
    this.stop ??= { by: reason, waitMs };
    throw new RequestNotSent(reason, waitMs);
  }
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}
