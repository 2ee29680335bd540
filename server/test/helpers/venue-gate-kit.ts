import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { memoryVenueGate, redisVenueGate, type VenueGate } from '@/modules/holdings/polling/venue-gate';
import type { VenueLimits } from '@/modules/holdings/polling/venue-limits';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Venue gates for a suite, under `limits`: on the machine's Redis under throwaway prefixes (their
 * keys removed after the suite) and in memory. `redisGate(prefix)` makes another gate on a prefix
 * already used: two workers sharing one Redis.
 */
export function venueGateKit(label: string, limits: (venue: string) => VenueLimits) {
  let redis: Redis | undefined;
  const prefixes: string[] = [];
  beforeAll(() => {
    redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    for (const p of prefixes) {
      const keys = await redis!.keys(`${p}*`);
      if (keys.length) await redis!.del(...keys);
    }
    redis?.disconnect();
  });
  const freshPrefix = () => {
    const prefix = `test-${label}-${randomBytes(4).toString('hex')}:`;
    prefixes.push(prefix);
    return prefix;
  };
  const redisGate = (prefix = freshPrefix()): VenueGate => redisVenueGate(redis!, prefix, limits);
  const kinds: [string, () => VenueGate][] = [
    ['redis', () => redisGate()],
    ['memory', () => memoryVenueGate(Date.now, limits)],
  ];
  return { redis: () => redis!, freshPrefix, redisGate, kinds };
}
