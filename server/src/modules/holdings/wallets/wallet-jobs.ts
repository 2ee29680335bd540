import { z } from 'zod';
import { defineJob } from '@/lib/queue/job-definition';

/** Poll one wallet. Deduplicated by wallet: while one poll of it waits or runs, no second. */
export const pollWalletJob = defineJob({
  name: 'holdings.poll-wallet',
  queue: 'polling',
  payload: z.object({ walletId: z.uuid() }),
  // A failed poll is recorded as such; the next cycle is its retry.
  attempts: 1,
  dedupeKey: (p) => `holdings.poll-wallet:${p.walletId}`,
});
