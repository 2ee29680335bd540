import type { Env } from '@/config/env';
import type { RecurringSchedule } from '@/lib/queue/job-runner';

/** Every recurring job, declared in one place. */
export const recurringSchedules = (env: Env): RecurringSchedule[] => [
  // Walks every organization's audit chain and logs the outcome as a system audit entry.
  { job: 'audit.verify-chains', everyMs: env.AUDIT_VERIFY_EVERY_MINUTES * 60_000 },
];
