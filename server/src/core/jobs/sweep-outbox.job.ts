import { z } from 'zod';
import { defineJob, handleJob } from '@/lib/queue/job-definition';
import { sweepOutbox, type OutboxDeps } from './job-outbox';

export const sweepOutboxJob = defineJob({
  name: 'jobs.sweep-outbox',
  queue: 'maintenance',
  payload: z.object({}),
  dedupeKey: () => 'jobs.sweep-outbox',
});

export const sweepOutboxHandler = (outbox: () => OutboxDeps, staleAfterSeconds: number) =>
  handleJob(sweepOutboxJob, async () => {
    await sweepOutbox(outbox(), staleAfterSeconds);
  });
