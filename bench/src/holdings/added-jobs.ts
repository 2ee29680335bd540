import type { TestApp } from '@vigil/server/testing/test-app';

type Redis = NonNullable<TestApp['vigil']['deps']['redis']>;

/**
 * Counts the jobs of one name that BullMQ creates on a queue from now on, read live from the
 * queue's events stream ("added" events). The queue's id counter is no count of jobs: BullMQ
 * increments it for every add, and a deduplicated add or a job scheduler's upsert (each process
 * upserts the recurring jobs at start) creates none. `lost` is true when the stream was trimmed
 * past what had been read (the count would be short).
 */
export function countAddedJobs(redis: Redis, eventsKey: string, name: string) {
  const reader = redis.duplicate();
  let count = 0;
  let lost = false;
  let running = true;
  const loop = (async () => {
    const [last] = (await reader.xrevrange(eventsKey, '+', '-', 'COUNT', 1)) as [string, string[]][];
    let lastId = last?.[0] ?? '0-0';
    while (running) {
      const first = (await reader.xrange(eventsKey, '-', '+', 'COUNT', 1)) as [string, string[]][];
      if (first[0] && lastId !== '0-0' && compareIds(first[0][0], lastId) > 0) lost = true;
      const res = (await reader.xread('COUNT', 2000, 'BLOCK', 250, 'STREAMS', eventsKey, lastId)) as
        [string, [string, string[]][]][] | null;
      for (const [id, fields] of res?.[0]?.[1] ?? []) {
        lastId = id;
        const f = new Map<string, string>();
        for (let i = 0; i + 1 < fields.length; i += 2) f.set(fields[i]!, fields[i + 1]!);
        if (f.get('event') === 'added' && f.get('name') === name) count++;
      }
    }
  })();
  return {
    async stop(): Promise<{ count: number; lost: boolean }> {
      running = false;
      await loop;
      reader.disconnect();
      return { count, lost };
    },
  };
}

/** Orders two stream ids ("ms-seq"). */
function compareIds(a: string, b: string): number {
  const [am, as] = a.split('-').map(BigInt) as [bigint, bigint];
  const [bm, bs] = b.split('-').map(BigInt) as [bigint, bigint];
  return am === bm ? (as === bs ? 0 : as > bs ? 1 : -1) : am > bm ? 1 : -1;
}
