import type { Redis } from 'ioredis';

/**
 * The little key-value surface that the token denylist needs. Redis in production; an
 * in-process map when no REDIS_URL is set (one node only, lost on restart).
 */
export type KvStore = {
  setWithTtl(key: string, value: string, ttlSeconds: number): Promise<void>;
  /**
   * Sets `value` unless the key holds a value whose leading number is at least `order`:
   * a cutoff only moves forward, whichever of two writers arrives last.
   */
  setIfLater(key: string, order: number, value: string, ttlSeconds: number): Promise<void>;
  getMany(keys: string[]): Promise<(string | null)[]>;
};

const ttl = (seconds: number) => Math.max(1, Math.ceil(seconds));
const leadingNumber = (value: string) => Number(/^\d+/.exec(value)?.[0] ?? NaN);

// One atomic step on the server: read, compare, set.
const SET_IF_LATER = `
local current = redis.call('GET', KEYS[1])
if current then
  local n = tonumber(string.match(current, '^%d+'))
  if n and n >= tonumber(ARGV[1]) then return 0 end
end
redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3])
return 1`;

export function redisKv(redis: Redis): KvStore {
  return {
    async setWithTtl(key, value, ttlSeconds) {
      await redis.set(key, value, 'EX', ttl(ttlSeconds));
    },
    async setIfLater(key, order, value, ttlSeconds) {
      await redis.eval(SET_IF_LATER, 1, key, String(order), value, String(ttl(ttlSeconds)));
    },
    getMany: (keys) => redis.mget(...keys),
  };
}

export function memoryKv(now: () => number = Date.now): KvStore {
  const entries = new Map<string, { value: string; expiresAt: number }>();
  const get = (key: string) => {
    const e = entries.get(key);
    if (!e) return null;
    if (e.expiresAt <= now()) {
      entries.delete(key);
      return null;
    }
    return e.value;
  };
  return {
    async setWithTtl(key, value, ttlSeconds) {
      entries.set(key, { value, expiresAt: now() + ttlSeconds * 1000 });
    },
    async setIfLater(key, order, value, ttlSeconds) {
      const current = get(key);
      if (current !== null && leadingNumber(current) >= order) return;
      entries.set(key, { value, expiresAt: now() + ttlSeconds * 1000 });
    },
    async getMany(keys) {
      return keys.map(get);
    },
  };
}
