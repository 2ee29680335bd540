import type { Redis } from 'ioredis';

/**
 * Honours a venue's "wait": once a venue answers 429/418 with Retry-After (or its own field), no
 * request goes to that venue from any worker until the wait is over. Closed per venue, not per
 * key: the limits that answer 429 to a poller are mostly per IP, and every worker shares the
 * egress. With Redis the gate is shared by every worker process; without it (embedded mode, one
 * process) it lives in memory.
 */
export type VenueGate = {
  /** Milliseconds until the venue may be asked again; 0 when open. */
  waitFor(venue: string): Promise<number>;
  close(venue: string, forMs: number): Promise<void>;
};

export function redisVenueGate(redis: Redis, prefix = 'holdings:venue-gate:'): VenueGate {
  return {
    async waitFor(venue) {
      const ttl = await redis.pttl(prefix + venue);
      return ttl > 0 ? ttl : 0;
    },
    async close(venue, forMs) {
      const ms = Math.max(1, Math.ceil(forMs));
      // Only ever lengthen a wait: a shorter Retry-After from a later answer must not reopen early.
      const current = await redis.pttl(prefix + venue);
      if (current >= ms) return;
      await redis.set(prefix + venue, '1', 'PX', ms);
    },
  };
}

export function memoryVenueGate(now = () => Date.now()): VenueGate {
  const until = new Map<string, number>();
  return {
    async waitFor(venue) {
      return Math.max(0, (until.get(venue) ?? 0) - now());
    },
    async close(venue, forMs) {
      until.set(venue, Math.max(until.get(venue) ?? 0, now() + forMs));
    },
  };
}
