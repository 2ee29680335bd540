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

/** Run these jobs one after another: `poll` and `noop` through BullMQ, `direct` the poll handler called in-process. */
export type OverheadAsk = { type: 'overhead-run'; kind: 'poll' | 'noop' | 'direct'; ids: string[]; round: number };
export type OverheadAnswer = { type: 'overhead-done'; ms: number; cpuUs: number };
