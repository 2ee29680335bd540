import { Queue, Worker, type ConnectionOptions, type JobsOptions } from 'bullmq';
import type { z } from 'zod';
import type { Logger } from '@/lib/logger';
import {
  retryDelayMs,
  type JobContext,
  type JobDefinition,
  type JobHandler,
  type QueueName,
  type QueueSettings,
  type RecurringSchedule,
} from './job-definition';
import type { JobRegistry } from './job-registry';

/** Where work is sent: typed by the job's own definition. */
export type JobQueue = {
  /**
   * `jobId`: a unique id for this one job (an outbox row's): a job with that id is never added
   * again, even after it ran. Without it, the definition's dedupe key (if any) applies.
   */
  enqueue<S extends z.ZodType>(job: JobDefinition<S>, payload: z.infer<S>, options?: { jobId?: string }): Promise<void>;
  /**
   * Many jobs of one kind in one round trip (BullMQ addBulk), each deduplicated by the
   * definition's key as `enqueue` does: a scheduler queues a claim of thousands without
   * awaiting each add from an event loop that is busy running jobs.
   */
  enqueueBulk<S extends z.ZodType>(job: JobDefinition<S>, payloads: readonly z.infer<S>[], options?: BulkOptions): Promise<void>;
} & QueueBacklog;

/**
 * How many jobs a queue holds that have not finished: waiting, delayed or running. A scheduler
 * queues no more than its workers will start soon, so what it queues later is not stuck behind it.
 */
export type QueueBacklog = { backlog(queue: QueueName): Promise<number> };

/** `delaysMs[i]`: how long payload i waits before it may run (a scheduler spreading a claim over its tick). */
export type BulkOptions = { delaysMs?: readonly number[] };

export type JobRunner = JobQueue & { stop(): Promise<void> };

export type RunnerOptions = {
  registry: JobRegistry;
  handlers: readonly JobHandler[];
  schedules: readonly RecurringSchedule[];
  queues: QueueSettings;
  /** Whether this process runs jobs (modes all and worker) or only sends them (api). */
  work: boolean;
  logger: Logger;
};

const BULL_QUEUE_PREFIX = 'vigil-';
// A jitter of half the delay: retries of many jobs that failed together spread out.
const BACKOFF_JITTER = 0.5;

const jobOptions = (job: JobDefinition, jobId: string | undefined, dedupeKey: string | undefined): JobsOptions => ({
  jobId,
  deduplication: dedupeKey === undefined ? undefined : { id: dedupeKey },
  attempts: job.attempts,
  backoff: { type: 'exponential', delay: job.backoffMs, jitter: BACKOFF_JITTER },
  removeOnComplete: 1000,
  removeOnFail: 5000,
});

/**
 * BullMQ: one queue per concern, job schedulers for the recurring jobs, and — in modes that
 * work — a worker per queue with that queue's concurrency and rate limit.
 */
export async function startBullmqRunner(opts: RunnerOptions & { redisUrl: string; prefix: string }): Promise<JobRunner> {
  const handlers = opts.registry.checkHandlers(opts.handlers);
  const connection: ConnectionOptions = { url: opts.redisUrl, maxRetriesPerRequest: null };
  const queues = new Map<QueueName, Queue>();
  const queueOf = (name: QueueName) => {
    let q = queues.get(name);
    if (!q) queues.set(name, (q = new Queue(`${BULL_QUEUE_PREFIX}${name}`, { connection, prefix: opts.prefix })));
    return q;
  };
  for (const s of opts.schedules) {
    await queueOf(s.job.queue).upsertJobScheduler(
      s.job.name,
      { every: s.everyMs },
      { name: s.job.name, data: {}, opts: jobOptions(s.job, undefined, undefined) },
    );
  }
  const workers: Worker[] = [];
  if (opts.work) {
    const used = new Set(opts.registry.definitions.map((d) => d.queue));
    for (const name of used) {
      const settings = opts.queues[name];
      const worker = new Worker(
        `${BULL_QUEUE_PREFIX}${name}`,
        async (job) => {
          const def = opts.registry.definition(job.name);
          const ctx: JobContext = {
            jobId: job.id ?? '',
            attempt: job.attemptsMade + 1,
            logger: opts.logger.child({ job: job.name, jobId: job.id, attempt: job.attemptsMade + 1 }),
          };
          await handlers.get(job.name)!.handle(def.payload.parse(job.data), ctx);
        },
        {
          connection,
          prefix: opts.prefix,
          concurrency: settings.concurrency,
          limiter: settings.limiter && { max: settings.limiter.max, duration: settings.limiter.durationMs },
        },
      );
      worker.on('failed', (job, err) =>
        opts.logger.error({ err, job: job?.name, jobId: job?.id, attempt: job?.attemptsMade }, 'job failed'),
      );
      workers.push(worker);
    }
  }
  return {
    async enqueue(job, payload, options) {
      const data = job.payload.parse(payload) as z.infer<typeof job.payload>;
      await queueOf(job.queue).add(
        job.name,
        data,
        jobOptions(job, options?.jobId, options?.jobId ? undefined : job.dedupeKey?.(data)),
      );
    },
    async enqueueBulk(job, payloads, options) {
      const BATCH = 1000;
      for (let i = 0; i < payloads.length; i += BATCH) {
        await queueOf(job.queue).addBulk(
          payloads.slice(i, i + BATCH).map((payload, j) => {
            const data = job.payload.parse(payload) as z.infer<typeof job.payload>;
            const delay = options?.delaysMs?.[i + j];
            const opts = jobOptions(job, undefined, job.dedupeKey?.(data));
            return { name: job.name, data, opts: delay ? { ...opts, delay } : opts };
          }),
        );
      }
    },
    async backlog(queue) {
      const counts = await queueOf(queue).getJobCounts('waiting', 'delayed', 'prioritized', 'active');
      return Object.values(counts).reduce((sum, n) => sum + n, 0);
    },
    async stop() {
      await Promise.all(workers.map((w) => w.close()));
      await Promise.all([...queues.values()].map((q) => q.close()));
    },
  };
}

/**
 * Without Redis (mode all only: config refuses api or worker without REDIS_URL): the same
 * handlers in this process, with the same queues' concurrency, attempts, backoff and job ids.
 * Nothing is dropped in silence: a job enqueued after stop is refused, and a retry still
 * waiting at shutdown is logged as not run.
 */
export function startInProcessRunner(opts: RunnerOptions): JobRunner {
  if (!opts.work) throw new Error('the in-process job runner must run its jobs: a process that only sends jobs needs Redis');
  const handlers = opts.registry.checkHandlers(opts.handlers);
  const running = new Set<Promise<void>>();
  const waiting = new Map<QueueName, (() => void)[]>();
  const active = new Map<QueueName, number>();
  const retries = new Map<NodeJS.Timeout, string>();
  const inFlightIds = new Set<string>();
  // Explicit job ids seen (outbox rows), so a row re-sent by the sweeper does not run twice.
  const ranIds = new Set<string>();
  let stopped = false;
  let sequence = 0;

  const slot = async (queue: QueueName) => {
    const limit = opts.queues[queue].concurrency;
    if ((active.get(queue) ?? 0) >= limit)
      await new Promise<void>((resolve) => waiting.set(queue, [...(waiting.get(queue) ?? []), resolve]));
    active.set(queue, (active.get(queue) ?? 0) + 1);
  };
  const release = (queue: QueueName) => {
    active.set(queue, (active.get(queue) ?? 1) - 1);
    const next = waiting.get(queue)?.shift();
    next?.();
  };

  const run = (def: JobDefinition, data: unknown, jobId: string, attempt: number) => {
    const p = (async () => {
      await slot(def.queue);
      try {
        const logger = opts.logger.child({ job: def.name, jobId, attempt });
        await handlers.get(def.name)!.handle(data, { jobId, attempt, logger });
        inFlightIds.delete(jobId);
      } catch (err) {
        opts.logger.error({ err, job: def.name, jobId, attempt }, 'job failed');
        if (attempt < def.attempts && !stopped) {
          const timer = setTimeout(
            () => {
              retries.delete(timer);
              run(def, data, jobId, attempt + 1);
            },
            retryDelayMs(def, attempt + 1),
          );
          retries.set(timer, `${def.name} (${jobId})`);
        } else {
          inFlightIds.delete(jobId);
        }
      } finally {
        release(def.queue);
      }
    })().finally(() => running.delete(p));
    running.add(p);
  };

  const submit = (def: JobDefinition, payload: unknown, jobId: string | undefined) => {
    if (stopped) throw new Error(`job ${def.name} enqueued after the runner stopped`);
    const data: unknown = def.payload.parse(payload);
    const key = jobId ?? def.dedupeKey?.(data);
    // The same key while it waits or runs is the same job, as in BullMQ; a job id is never
    // run twice.
    if (key !== undefined && (inFlightIds.has(key) || ranIds.has(key))) return;
    const id = key ?? `${def.name}-${++sequence}`;
    inFlightIds.add(id);
    if (jobId !== undefined) ranIds.add(jobId);
    run(def, data, id, 1);
  };

  const timers = opts.schedules.map((s) => setInterval(() => submit(s.job, {}, undefined), s.everyMs));
  const delayed = new Map<NodeJS.Timeout, QueueName>();
  for (const t of timers) t.unref();
  return {
    async enqueue(job, payload, options) {
      submit(job, payload, options?.jobId);
    },
    async enqueueBulk(job, payloads, options) {
      payloads.forEach((payload, i) => {
        const delay = options?.delaysMs?.[i];
        if (!delay) return submit(job, payload, undefined);
        const timer = setTimeout(() => {
          delayed.delete(timer);
          if (!stopped) submit(job, payload, undefined);
        }, delay);
        timer.unref();
        delayed.set(timer, job.queue);
      });
    },
    async backlog(queue) {
      const later = [...delayed.values()].filter((q) => q === queue).length;
      return (active.get(queue) ?? 0) + (waiting.get(queue)?.length ?? 0) + later;
    },
    async stop() {
      stopped = true;
      for (const t of timers) clearInterval(t);
      // A spread claim's later jobs: their rows are due again at their next time.
      for (const t of delayed.keys()) clearTimeout(t);
      delayed.clear();
      for (const [timer, what] of retries) {
        clearTimeout(timer);
        opts.logger.error({ job: what }, 'job retry not run: the process stopped before it was due');
      }
      retries.clear();
      while (running.size > 0) await Promise.all(running);
    },
  };
}
