import { z } from 'zod';
import { defineJob } from '@/lib/queue/job-definition';

/**
 * Refresh the prices of every asset held, from the pricing venue. One at a time, however many
 * workers; on the polling queue, as it waits on a venue (never holding up the scheduler tick).
 */
export const refreshPricesJob = defineJob({
  name: 'holdings.refresh-prices',
  queue: 'polling',
  payload: z.object({}),
  // A failed refresh keeps the last prices; the next interval is its retry.
  attempts: 1,
  dedupeKey: () => 'holdings.refresh-prices',
});
