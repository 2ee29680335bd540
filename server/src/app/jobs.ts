import type { Env } from '@/config/env';
import type { Logger } from '@/lib/logger';
import type { QueueSettings } from '@/lib/queue/job-definition';
import { startBullmqRunner, startInProcessRunner, type JobRunner } from '@/lib/queue/job-runner';
import type { CoreDeps } from '@/core/deps';
import type { ModuleRegistry } from './module-registry';

/** Each queue's concurrency and rate limit, from config. */
export function queueSettings(env: Env): QueueSettings {
  const limiter = (perSecond: number | undefined) => (perSecond ? { max: perSecond, durationMs: 1000 } : undefined);
  return {
    polling: { concurrency: env.QUEUE_POLLING_CONCURRENCY, limiter: limiter(env.QUEUE_POLLING_PER_SECOND) },
    webhooks: { concurrency: env.QUEUE_WEBHOOKS_CONCURRENCY, limiter: limiter(env.QUEUE_WEBHOOKS_PER_SECOND) },
    payments: { concurrency: env.QUEUE_PAYMENTS_CONCURRENCY, limiter: limiter(env.QUEUE_PAYMENTS_PER_SECOND) },
    maintenance: { concurrency: env.QUEUE_MAINTENANCE_CONCURRENCY, limiter: undefined },
  };
}

/**
 * Starts the job runner for every module's jobs: BullMQ when Redis is configured, the
 * in-process runner otherwise (mode all only; config refuses api or worker without Redis).
 * The worker refuses to start when a job has no handler or two.
 */
export async function startJobs(deps: CoreDeps, registry: ModuleRegistry, logger: Logger): Promise<JobRunner> {
  const { env } = deps;
  const opts = {
    registry: registry.jobs,
    handlers: registry.handlers(deps),
    schedules: registry.schedules(env),
    queues: queueSettings(env),
    work: env.VIGIL_MODE !== 'api',
    logger,
  };
  const runner = env.REDIS_URL
    ? await startBullmqRunner({ ...opts, redisUrl: env.REDIS_URL, prefix: `${env.REDIS_KEY_PREFIX}bull` })
    : startInProcessRunner(opts);
  deps.jobs = runner;
  return runner;
}
