import { defineModule } from '@/core/module';
import type { CoreDeps } from '@/core/deps';
import type { OutboxDeps } from './job-outbox';
import { sweepOutboxHandler, sweepOutboxJob } from './sweep-outbox.job';

/** The job runner's outbox is the runner's once it has started. */
export function outboxOf(deps: CoreDeps): OutboxDeps {
  if (!deps.jobs) throw new Error('the job runner has not started');
  return { orm: deps.orm, jobs: deps.jobs, registry: deps.jobRegistry, logger: deps.logger };
}

/** Core job infrastructure: the outbox sweeper (README.md of core/). */
export const jobsModule = defineModule({
  name: 'jobs',
  jobs: [sweepOutboxJob],
  handlers: (deps) => [sweepOutboxHandler(() => outboxOf(deps), deps.env.OUTBOX_STALE_AFTER_SECONDS)],
  schedules: (env) => [{ job: sweepOutboxJob, everyMs: env.OUTBOX_SWEEP_EVERY_SECONDS * 1000 }],
});
