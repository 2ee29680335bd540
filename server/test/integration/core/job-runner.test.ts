import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import { z } from 'zod';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '@/lib/logger';
import { defineJob, handleJob, type JobHandler, type QueueSettings } from '@/lib/queue/job-definition';
import { JobRegistry } from '@/lib/queue/job-registry';
import { startBullmqRunner, startInProcessRunner, type JobRunner } from '@/lib/queue/job-runner';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const slowJob = defineJob({ name: 'probe.slow', queue: 'polling', payload: z.object({ n: z.number() }) });
const flakyJob = defineJob({
  name: 'probe.flaky',
  queue: 'webhooks',
  payload: z.object({ key: z.string() }),
  attempts: 3,
  backoffMs: 20,
});
const pollJob = defineJob({
  name: 'probe.poll',
  queue: 'polling',
  payload: z.object({ connectionId: z.string() }),
  dedupeKey: (p) => `poll-${p.connectionId}`,
});
const registry = new JobRegistry([slowJob, flakyJob, pollJob]);
const queues: QueueSettings = {
  polling: { concurrency: 2 },
  webhooks: { concurrency: 4 },
  payments: { concurrency: 1 },
  maintenance: { concurrency: 1 },
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function waitFor(check: () => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(10);
  }
}

type Probe = { active: number; maxActive: number; done: number[]; attempts: Map<string, number>; polls: number };

function handlersFor(probe: Probe): JobHandler[] {
  return [
    handleJob(slowJob, async ({ n }) => {
      probe.active += 1;
      probe.maxActive = Math.max(probe.maxActive, probe.active);
      await sleep(60);
      probe.active -= 1;
      probe.done.push(n);
    }),
    handleJob(flakyJob, async ({ key }, ctx) => {
      probe.attempts.set(key, ctx.attempt);
      if (ctx.attempt < 3) throw new Error(`flaky attempt ${ctx.attempt}`);
    }),
    handleJob(pollJob, async () => {
      probe.polls += 1;
      await sleep(150);
    }),
  ];
}

const newProbe = (): Probe => ({ active: 0, maxActive: 0, done: [], attempts: new Map(), polls: 0 });

function logSink() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _e, done) {
      for (const l of chunk.toString().split('\n')) if (l.trim()) lines.push(JSON.parse(l) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger('info', {}, sink) };
}

const prefixes: string[] = [];
async function dropKeys() {
  const redis = new Redis(REDIS_URL);
  for (const prefix of prefixes.splice(0)) {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
  }
  redis.disconnect();
}

const runners: Record<string, (probe: Probe) => Promise<JobRunner>> = {
  'BullMQ on Redis': (probe) => {
    const prefix = `vigiltest:${randomBytes(4).toString('hex')}:bull`;
    prefixes.push(prefix);
    return startBullmqRunner({
      redisUrl: REDIS_URL,
      prefix,
      registry,
      handlers: handlersFor(probe),
      schedules: [],
      queues,
      work: true,
      logger: logSink().logger,
    });
  },
  'the in-process runner': async (probe) =>
    startInProcessRunner({ registry, handlers: handlersFor(probe), schedules: [], queues, work: true, logger: logSink().logger }),
};

describe.each(Object.keys(runners))('job runner: %s', (name) => {
  let runner: JobRunner | undefined;
  afterEach(async () => {
    await runner?.stop();
    runner = undefined;
    await dropKeys();
  });

  it("should run 12 jobs of one queue at most the queue's concurrency at a time", async () => {
    const probe = newProbe();
    runner = await runners[name]!(probe);
    await Promise.all(Array.from({ length: 12 }, (_, n) => runner!.enqueue(slowJob, { n })));
    await waitFor(() => probe.done.length === 12);
    expect(probe.maxActive).toBe(2);
    expect([...probe.done].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, n) => n));
  });

  it('should retry a failing job with its attempt number until it succeeds', async () => {
    const probe = newProbe();
    runner = await runners[name]!(probe);
    await runner.enqueue(flakyJob, { key: 'k' });
    await waitFor(() => probe.attempts.get('k') === 3);
  });

  it('should add nothing for a dedupe key that waits or runs, and run it again once it finished', async () => {
    const probe = newProbe();
    runner = await runners[name]!(probe);
    await Promise.all(Array.from({ length: 100 }, () => runner!.enqueue(pollJob, { connectionId: 'c1' })));
    await sleep(400);
    expect(probe.polls).toBe(1);
    await runner.enqueue(pollJob, { connectionId: 'c1' });
    await waitFor(() => probe.polls === 2);
  });

  it('should run a job with an explicit id once, however often it is sent', async () => {
    const probe = newProbe();
    runner = await runners[name]!(probe);
    await runner.enqueue(slowJob, { n: 1 }, { jobId: 'outbox-1' });
    await waitFor(() => probe.done.length === 1);
    await Promise.all(Array.from({ length: 20 }, () => runner!.enqueue(slowJob, { n: 1 }, { jobId: 'outbox-1' })));
    await sleep(300);
    expect(probe.done).toEqual([1]);
  });

  it('should refuse a payload that does not match the job, before anything is queued', async () => {
    const probe = newProbe();
    runner = await runners[name]!(probe);
    await expect(runner.enqueue(slowJob, { n: 'one' } as unknown as { n: number })).rejects.toThrow();
    await sleep(200);
    expect(probe.done).toEqual([]);
  });
});

describe('the in-process runner drops nothing in silence', () => {
  it('should refuse to start without running jobs: a process that only sends needs Redis', () => {
    expect(() =>
      startInProcessRunner({
        registry,
        handlers: handlersFor(newProbe()),
        schedules: [],
        queues,
        work: false,
        logger: logSink().logger,
      }),
    ).toThrow(/needs Redis/);
  });

  it('should refuse a job sent after stop, and log a retry that was still due at stop', async () => {
    const { lines, logger } = logSink();
    const failing = defineJob({
      name: 'probe.fails',
      queue: 'maintenance',
      payload: z.object({}),
      attempts: 5,
      backoffMs: 60_000,
    });
    const runner = startInProcessRunner({
      registry: new JobRegistry([failing]),
      handlers: [handleJob(failing, async () => Promise.reject(new Error('down')))],
      schedules: [],
      queues,
      work: true,
      logger,
    });
    await runner.enqueue(failing, {});
    await waitFor(() => lines.some((l) => l.msg === 'job failed'));
    await runner.stop();
    expect(
      lines.some(
        (l) => l.msg === 'job retry not run: the process stopped before it was due' && String(l.job).startsWith('probe.fails'),
      ),
    ).toBe(true);
    await expect(runner.enqueue(failing, {})).rejects.toThrow(/after the runner stopped/);
  });
});
