import { z } from 'zod';

/**
 * Every job Vigil runs, with its payload schema, in one place. Handlers take ids, not objects,
 * are idempotent, and fork their own entity manager. Adding a job means adding it here, giving it
 * exactly one handler, and (if it recurs) declaring its schedule in modules/scheduler.
 */
export const JOBS = {
  'audit.verify-chains': z.object({}),
} as const;

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOBS)[N]>;

export type JobHandler<N extends JobName = JobName> = {
  name: N;
  handle(payload: JobPayload<N>): Promise<void>;
};

/** Refuses a handler set where a job has no handler, two, or one for an unknown job. */
export function checkHandlers(handlers: readonly JobHandler[]): Map<JobName, JobHandler> {
  const byName = new Map<JobName, JobHandler>();
  for (const h of handlers) {
    if (!(h.name in JOBS)) throw new Error(`handler for unknown job ${h.name}`);
    if (byName.has(h.name)) throw new Error(`job ${h.name} has two handlers`);
    byName.set(h.name, h);
  }
  const missing = (Object.keys(JOBS) as JobName[]).filter((n) => !byName.has(n));
  if (missing.length) throw new Error(`jobs without a handler: ${missing.join(', ')}`);
  return byName;
}
