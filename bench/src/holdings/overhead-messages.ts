import { defineJob } from '@vigil/server/lib/queue/job-definition';
import { pollConnectionJob } from '@vigil/server/modules/holdings/polling/poll-jobs';

// Between the bench and its overhead worker (poll-worker.ts, mode overhead).

/** The baseline: a job that does nothing, on the same queue and worker as the poll job. */
export const noopJob = defineJob({
  name: 'bench.noop',
  queue: 'polling',
  // The poll job's own payload schema: both sides pay the same parse.
  payload: pollConnectionJob.payload,
  attempts: 1,
});

/**
 * Paired samples, one job at a time: the poll job through BullMQ, the same poll handler called
 * directly (on another connection of the same venue), and a no-op job through BullMQ, each timed
 * on its own (add → handler done), in an order that rotates with the sample's index.
 */
export type OverheadAsk = { type: 'overhead-run'; ids: string[]; round: number };
export type OverheadSample = { kind: 'poll' | 'direct' | 'noop'; ms: number; cpuUs: number };
export type OverheadAnswer = { type: 'overhead-done'; samples: OverheadSample[][] };
