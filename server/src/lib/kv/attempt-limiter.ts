import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';

/**
 * Counts failed attempts per key (a user id, an IP) in a fixed window. Redis-backed when Redis
 * is configured, so every API replica shares the counts; in memory otherwise.
 */
export class AttemptLimiter {
  private readonly limiter: RateLimiterAbstract;

  constructor(opts: { name: string; keyPrefix: string; maxFailures: number; windowSeconds: number; redis?: Redis }) {
    const common = { keyPrefix: `${opts.keyPrefix}limit:${opts.name}`, points: opts.maxFailures, duration: opts.windowSeconds };
    this.limiter = opts.redis ? new RateLimiterRedis({ ...common, storeClient: opts.redis }) : new RateLimiterMemory(common);
  }

  /** Seconds until the key may try again, or 0 when it may try now. */
  async blockedFor(key: string): Promise<number> {
    const res = await this.limiter.get(key);
    if (!res || res.consumedPoints < this.limiter.points) return 0;
    return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  }

  async recordFailure(key: string): Promise<void> {
    await this.limiter.penalty(key, 1);
  }

  async reset(key: string): Promise<void> {
    await this.limiter.delete(key);
  }
}
