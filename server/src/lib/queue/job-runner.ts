import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import type { Logger } from '@/lib/logger';
import { checkHandlers, JOBS, type JobHandler, type JobName, type JobPayload } from './job-registry';

export type RecurringSchedule = { job: JobName; everyMs: number };

/** Runs registered jobs: BullMQ on Redis in production, in process without Redis. */
export type JobRunner = {
  enqueue<N extends JobName>(name: N, payload: JobPayload<N>): Promise<void>;
  stop(): Promise<void>;
};

const QUEUE = 'vigil-jobs';

/**
 * BullMQ: one queue, job schedulers for the recurring jobs (upserted, so every replica can
 * declare them without duplicates), and — in modes that work — a worker running the handlers.
 */
export async function startBullmqRunner(opts: {
  redisUrl: string;
  prefix: string;
  handlers: readonly JobHandler[];
  schedules: readonly RecurringSchedule[];
  work: boolean;
  logger: Logger;
}): Promise<JobRunner> {
  const byName = checkHandlers(opts.handlers);
  const connection: ConnectionOptions = { url: opts.redisUrl, maxRetriesPerRequest: null };
  const queue = new Queue(QUEUE, { connection, prefix: opts.prefix });
  for (const s of opts.schedules) {
    await queue.upsertJobScheduler(s.job, { every: s.everyMs }, { name: s.job, data: {} });
  }
  const worker = opts.work
    ? new Worker(
        QUEUE,
        async (job) => {
          const name = job.name as JobName;
          const handler = byName.get(name);
          if (!handler) throw new Error(`no handler for ${job.name}`);
          await handler.handle(JOBS[name].parse(job.data));
        },
        { connection, prefix: opts.prefix, concurrency: 2 },
      )
    : undefined;
  worker?.on('failed', (job, err) => opts.logger.error({ err, job: job?.name }, 'job failed'));
  return {
    async enqueue(name, payload) {
      await queue.add(name, JOBS[name].parse(payload), { removeOnComplete: 1000, removeOnFail: 5000, attempts: 3, backoff: { type: 'exponential', delay: 1000 } });
    },
    async stop() {
      await worker?.close();
      await queue.close();
    },
  };
}

/** Without Redis: the same handlers on timers in this process (one node only). */
export function startInProcessRunner(opts: {
  handlers: readonly JobHandler[];
  schedules: readonly RecurringSchedule[];
  work: boolean;
  logger: Logger;
}): JobRunner {
  const byName = checkHandlers(opts.handlers);
  const running = new Set<Promise<void>>();
  const run = (name: JobName, payload: unknown) => {
    const p = byName
      .get(name)!
      .handle(JOBS[name].parse(payload))
      .catch((err: unknown) => opts.logger.error({ err, job: name }, 'job failed'))
      .finally(() => running.delete(p));
    running.add(p);
  };
  const timers = opts.work ? opts.schedules.map((s) => setInterval(() => run(s.job, {}), s.everyMs)) : [];
  for (const t of timers) t.unref();
  return {
    async enqueue(name, payload) {
      if (opts.work) run(name, payload);
    },
    async stop() {
      for (const t of timers) clearInterval(t);
      await Promise.all(running);
    },
  };
}
