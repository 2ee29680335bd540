import type { Redis } from 'ioredis';

/**
 * The little key-value surface that the token denylist needs. Redis in production; an
 * in-process map when no REDIS_URL is set (one node only, lost on restart).
 */
export type KvStore = {
  setWithTtl(key: string, value: string, ttlSeconds: number): Promise<void>;
  getMany(keys: string[]): Promise<(string | null)[]>;
};

export function redisKv(redis: Redis): KvStore {
  return {
    async setWithTtl(key, value, ttlSeconds) {
      await redis.set(key, value, 'EX', Math.max(1, Math.ceil(ttlSeconds)));
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
    async getMany(keys) {
      return keys.map(get);
    },
  };
}
