import { z } from 'zod';
import { defineJob } from '@/lib/queue/job-definition';

/** Poll one connection. Deduplicated by connection: while one poll of it waits or runs, no second. */
export const pollConnectionJob = defineJob({
  name: 'holdings.poll-connection',
  queue: 'polling',
  payload: z.object({ connectionId: z.uuid() }),
  // A failed poll is recorded as such; the next cycle is its retry.
  attempts: 1,
  dedupeKey: (p) => `holdings.poll-connection:${p.connectionId}`,
});

/** Claim the connections that are due and queue their polls. */
export const schedulePollsJob = defineJob({
  name: 'holdings.schedule-polls',
  queue: 'maintenance',
  payload: z.object({}),
  attempts: 1,
  dedupeKey: () => 'holdings.schedule-polls',
});
