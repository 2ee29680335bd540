import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { spreadOverTick } from '@/modules/holdings/polling/poll-schedule';
import { createLogger } from '@/lib/logger';
import { handleJob, type JobHandler } from '@/lib/queue/job-definition';
import { JobRegistry } from '@/lib/queue/job-registry';
import { startBullmqRunner, startInProcessRunner, type JobRunner } from '@/lib/queue/job-runner';
import { pollConnectionJob } from '@/modules/holdings/polling/poll-jobs';

// How the scheduler queues what it claims: in bulk, deduplicated, each venue's claim spread over
// the tick, and counted in the queue's backlog until run (BullMQ on the machine's Redis, and the
// in-process runner of embedded mode). What it claims is in poll-limits.test.ts.

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Stops a test's runner and removes its queues from Redis. */
async function stopAndClear(runner: JobRunner, prefix: string): Promise<void> {
  await runner.stop();
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
}

describe("the scheduler's bulk enqueue", () => {
  it('should queue a claim in bulk, one poll per connection however often it is sent while it waits or runs', async () => {
    const seen: string[] = [];
    const prefix = `test-bulk-${randomBytes(4).toString('hex')}`;
    const runner = await startBullmqRunner({
      registry: new JobRegistry([pollConnectionJob]),
      handlers: [
        handleJob(pollConnectionJob, async ({ connectionId }) => {
          seen.push(connectionId);
          await new Promise((r) => setTimeout(r, 300));
        }),
      ],
      schedules: [],
      queues: {
        polling: { concurrency: 50 },
        webhooks: { concurrency: 1 },
        payments: { concurrency: 1 },
        maintenance: { concurrency: 1 },
      },
      work: true,
      logger: createLogger('silent'),
      redisUrl: REDIS_URL,
      prefix,
    });
    try {
      const ids = Array.from({ length: 1000 }, () => crypto.randomUUID());
      const claim = ids.map((connectionId) => ({ connectionId }));
      await Promise.all([
        runner.enqueueBulk(pollConnectionJob, claim),
        runner.enqueueBulk(pollConnectionJob, claim.slice(0, 100)),
      ]);
      await expect.poll(() => seen.length, { timeout: 30_000, interval: 200 }).toBe(ids.length);
      await new Promise((r) => setTimeout(r, 500));
      expect(seen.length).toBe(ids.length);
      expect(new Set(seen).size).toBe(ids.length);
      await expect(runner.enqueueBulk(pollConnectionJob, [{ connectionId: 'not-a-uuid' }])).rejects.toThrow();
    } finally {
      await stopAndClear(runner, prefix);
    }
  });
});

describe("the scheduler's spread of a claim over its tick", () => {
  it("should start each venue's k-th of n claims k/n of the tick later", () => {
    const claim = ['b1', 'k1', 'b2', 'b3', 'k2', 'b4'].map((id) => ({ id, venue: id.startsWith('b') ? 'binance' : 'kraken' }));
    expect(spreadOverTick(claim, 10_000)).toEqual([0, 0, 2500, 5000, 5000, 7500]);
    expect(spreadOverTick([], 10_000)).toEqual([]);
  });

  const queues = {
    polling: { concurrency: 10 },
    webhooks: { concurrency: 1 },
    payments: { concurrency: 1 },
    maintenance: { concurrency: 1 },
  };
  const optionsFor = (handlers: JobHandler[]) => ({
    registry: new JobRegistry([pollConnectionJob]),
    handlers,
    schedules: [],
    queues,
    work: true,
    logger: createLogger('silent'),
  });
  const runners: [string, (handlers: JobHandler[], prefix: string) => Promise<JobRunner>][] = [
    ['BullMQ', (handlers, prefix) => startBullmqRunner({ ...optionsFor(handlers), redisUrl: REDIS_URL, prefix })],
    ['in process', async (handlers) => startInProcessRunner(optionsFor(handlers))],
  ];
  it.each(runners)('should hold each job of a bulk enqueue for its delay (%s)', async (_kind, start) => {
    const prefix = `test-spread-${randomBytes(4).toString('hex')}`;
    const started = new Map<string, number>();
    const runner = await start(
      [handleJob(pollConnectionJob, async ({ connectionId }) => void started.set(connectionId, Date.now()))],
      prefix,
    );
    try {
      const ids = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
      const t0 = Date.now();
      await runner.enqueueBulk(
        pollConnectionJob,
        ids.map((connectionId) => ({ connectionId })),
        { delaysMs: [0, 600, 1200] },
      );
      // Held jobs count as the queue's backlog until they have run.
      expect(await runner.backlog('polling')).toBeGreaterThanOrEqual(2);
      await expect.poll(() => started.size, { timeout: 10_000, interval: 50 }).toBe(3);
      await expect.poll(() => runner.backlog('polling'), { timeout: 5_000, interval: 50 }).toBe(0);
      const at = ids.map((id) => started.get(id)! - t0);
      expect(at[0]).toBeLessThan(500);
      expect(at[1]).toBeGreaterThanOrEqual(590);
      expect(at[2]).toBeGreaterThanOrEqual(1190);
      expect(at[1]).toBeLessThan(at[2]!);
    } finally {
      await stopAndClear(runner, prefix);
    }
  });
});
