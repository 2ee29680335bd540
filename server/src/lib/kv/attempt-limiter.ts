import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

/**
 * Counts attempts per key (a user id, an IP) in a fixed window. Redis-backed when Redis is
 * configured, so every API replica shares the counts; in memory otherwise.
 *
 * An attempt is counted before it is checked, in one atomic step (`take`), and given back when
 * it succeeds (`refund`): 1,000 concurrent wrong guesses get exactly `maxFailures` checked,
 * where a check-then-record limiter lets every guess that arrives before the first record
 * through.
 */
export class AttemptLimiter {
  private readonly limiter: RateLimiterAbstract;

  constructor(opts: { name: string; keyPrefix: string; maxFailures: number; windowSeconds: number; redis?: Redis }) {
    const common = { keyPrefix: `${opts.keyPrefix}limit:${opts.name}`, points: opts.maxFailures, duration: opts.windowSeconds };
    this.limiter = opts.redis ? new RateLimiterRedis({ ...common, storeClient: opts.redis }) : new RateLimiterMemory(common);
  }

  /** Counts one attempt for `key`: 0 when it may be checked, else the seconds to wait. */
  async take(key: string): Promise<number> {
    try {
      await this.limiter.consume(key, 1);
      return 0;
    } catch (res) {
      if (res instanceof RateLimiterRes) return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
      throw res;
    }
  }

  /** The attempt succeeded: it does not count against the key. */
  async refund(key: string): Promise<void> {
    await this.limiter.reward(key, 1);
  }

  async reset(key: string): Promise<void> {
    await this.limiter.delete(key);
  }
}
