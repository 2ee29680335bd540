import type { Redis } from 'ioredis';

export type ProgressiveDelayOptions = {
  name: string;
  keyPrefix: string;
  /** Failures before any delay: the attempt after the last free one waits `baseDelayMs`. */
  freeFailures: number;
  /** The first delay; each further failure doubles it, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Failures are forgotten this long after the last one. */
  windowSeconds: number;
  /** How long a source (an IP) that once succeeded for an id stays exempt from its delay. */
  knownSourceSeconds: number;
  redis?: Redis;
};

// Counted before the check, in one step on the server, on the server's clock (TIME), so
// concurrent attempts on every replica see one sequence: each may proceed only at or after the
// time the previous one set.
const TAKE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local h = redis.call('HMGET', KEYS[1], 'failures', 'next')
local failures = tonumber(h[1]) or 0
local nextAt = tonumber(h[2]) or 0
if now < nextAt then return nextAt - now end
failures = failures + 1
local delay = 0
local free = tonumber(ARGV[1])
if failures >= free then delay = math.min(tonumber(ARGV[2]) * 2 ^ (failures - free), tonumber(ARGV[3])) end
redis.call('HSET', KEYS[1], 'failures', failures, 'next', now + delay)
redis.call('EXPIRE', KEYS[1], ARGV[4])
return 0`;

/**
 * A per-account brake on guessing that cannot lock the owner out: after `freeFailures` failed
 * attempts each further attempt must wait for a delay that doubles up to `maxDelayMs`. An
 * attacker spread over any number of IPs gets one guess per delay; the owner, with the right
 * password, waits at most `maxDelayMs` once. A success clears the count.
 */
export class ProgressiveDelay {
  private readonly memory = new Map<string, { failures: number; next: number; expiresAt: number }>();
  private readonly knownMemory = new Map<string, number>();

  constructor(
    private readonly opts: ProgressiveDelayOptions,
    private readonly now: () => number = Date.now,
  ) {}

  private key = (id: string) => `${this.opts.keyPrefix}limit:${this.opts.name}:${id}`;

  /** Counts one attempt for `id`: 0 when it may be checked now, else the ms to wait. */
  async take(id: string): Promise<number> {
    const { redis, freeFailures, baseDelayMs, maxDelayMs, windowSeconds } = this.opts;
    if (redis) {
      return Number(await redis.eval(TAKE, 1, this.key(id), freeFailures, baseDelayMs, maxDelayMs, windowSeconds));
    }
    const now = this.now();
    const entry = this.memory.get(id);
    const state = entry && entry.expiresAt > now ? entry : { failures: 0, next: 0, expiresAt: 0 };
    if (now < state.next) return state.next - now;
    const failures = state.failures + 1;
    const delay = failures >= freeFailures ? Math.min(baseDelayMs * 2 ** (failures - freeFailures), maxDelayMs) : 0;
    this.memory.set(id, { failures, next: now + delay, expiresAt: now + windowSeconds * 1000 });
    return 0;
  }

  /** The attempt succeeded: the account's count starts again, and `source` is known for it. */
  async succeeded(id: string, source: string): Promise<void> {
    const { redis, knownSourceSeconds } = this.opts;
    if (redis) {
      await redis.multi().del(this.key(id)).set(this.knownKey(id, source), '1', 'EX', knownSourceSeconds).exec();
      return;
    }
    this.memory.delete(id);
    this.knownMemory.set(`${id}:${source}`, this.now() + knownSourceSeconds * 1000);
  }

  /**
   * Whether `source` succeeded for `id` lately: the owner, signing in from where they did before,
   * is not held up by an attacker guessing from elsewhere (per-source limits still apply).
   */
  async isKnown(id: string, source: string): Promise<boolean> {
    if (this.opts.redis) return (await this.opts.redis.exists(this.knownKey(id, source))) === 1;
    return (this.knownMemory.get(`${id}:${source}`) ?? 0) > this.now();
  }

  private knownKey = (id: string, source: string) => `${this.key(id)}:known:${source}`;
}
