import type { z } from 'zod';
import type { Logger } from '@/lib/logger';

/**
 * A queue per concern, each with its own concurrency and rate limit (config/env.ts), so a slow
 * venue or a partner that times out cannot hold up the work of another concern.
 */
export const QUEUE_NAMES = ['polling', 'webhooks', 'payments', 'maintenance'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export type QueueSettings = Record<QueueName, { concurrency: number; limiter?: { max: number; durationMs: number } }>;

/** A job, declared by the module that owns it: its queue, its payload schema and how it retries. */
export type JobDefinition<S extends z.ZodType = z.ZodType> = {
  name: string;
  queue: QueueName;
  payload: S;
  /** Runs at most this many times (the first run included). */
  attempts: number;
  /** The first retry's delay; each later one doubles it (jittered). */
  backoffMs: number;
  /**
   * A deterministic key from the payload: while a job with this key waits or runs, enqueueing
   * the same key again adds nothing (two polls of one connection are one poll). Unlike a job id,
   * it frees up once the job has finished.
   */
  dedupeKey?: (payload: z.infer<S>) => string;
};

const JOB_NAME = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/;

export function defineJob<S extends z.ZodType>(
  def: Omit<JobDefinition<S>, 'attempts' | 'backoffMs'> & { attempts?: number; backoffMs?: number },
): JobDefinition<S> {
  if (!JOB_NAME.test(def.name)) throw new Error(`job name ${def.name} must be <module>.<job>`);
  return { attempts: 3, backoffMs: 1000, ...def };
}

/** What a handler is told of the run it is in. */
export type JobContext = {
  jobId: string;
  /** 1 on the first run, 2 on the first retry, … */
  attempt: number;
  logger: Logger;
};

/** Runs one job. Handlers take ids, are idempotent, and fork their own entity manager. */
export type JobHandler<S extends z.ZodType = z.ZodType> = {
  name: string;
  handle(payload: z.infer<S>, ctx: JobContext): Promise<void>;
};

export const handleJob = <S extends z.ZodType>(
  job: JobDefinition<S>,
  handle: (payload: z.infer<S>, ctx: JobContext) => Promise<void>,
): JobHandler => ({ name: job.name, handle: handle as JobHandler['handle'] });

/** A job that recurs: upserted on boot, so every replica can declare it without duplicates. */
export type RecurringSchedule = { job: JobDefinition; everyMs: number };

/** Delay before retry `attempt` (2, 3, …): exponential from `backoffMs`, with full jitter on half. */
export function retryDelayMs(job: Pick<JobDefinition, 'backoffMs'>, attempt: number, random = Math.random): number {
  const base = job.backoffMs * 2 ** Math.max(0, attempt - 2);
  return Math.round(base / 2 + random() * (base / 2));
}
