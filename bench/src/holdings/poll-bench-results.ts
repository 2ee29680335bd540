import type { InstanceCost, MarketSharingCost } from './instance-cost';

// What (a) the polling cycle and (b) the per-job overhead measure, as holdings-poll-bench.ts
// reports them to holdings-bench.ts (which prints the table).

export type PollBenchOptions = {
  connections: number;
  concurrency: number;
  /** Worker processes sharing the cycle (BENCH_POLL_WORKERS). */
  workers: number;
  /** POLL_EGRESS_ADDRESSES of the workers (BENCH_EGRESS_ADDRESSES); none: the default egress. */
  egressAddresses: string[];
  timeoutSeconds: number;
  overheadJobs: number;
  overheadRounds: number;
  profileDir: string;
  log: (s: string) => void;
};

export type VenueStats = { venue: string; requests: number; rateLimited: number; sentDuringRetryAfter: number };

/** Per venue: connections with an ok poll, and when the last of them had its first (seconds from the worker's start). */
export type VenueCycle = { venue: string; connections: number; polled: number; lastFirstOkS: number | null };

export type CycleResult = {
  venues: string[];
  missingVenues: string[];
  connections: number;
  concurrency: number;
  workers: number;
  egressAddresses: string[];
  /** Connections with more than one ok poll in the cycle (the interval is an hour: should be 0). */
  polledTwice: number;
  completed: boolean;
  /** From the worker process being ready to the queue drained with every connection claimed. */
  wallMs: number;
  /** From the first poll's start to the last poll's end (poll_runs). */
  pollSpanMs: number;
  /** Connections the venue was asked about (an ok poll or its own answer), not only deferred. */
  claimed: number;
  pollRuns: number;
  outcomes: Record<string, number>;
  /** Poll jobs BullMQ created in the cycle (its "added" events; added-jobs.ts says why not its id counter). */
  added: number;
  /** The events stream was trimmed past what the count had read: `added` may be short. */
  addedCountShort: boolean;
  /** Poll jobs finished (added minus still queued or running). */
  done: number;
  /** Claimed and queued, but no poll_runs row: returned 'skipped' (a closed venue gate) or failed. */
  withoutRun: number;
  failedJobs: number;
  pollMsP50: number;
  pollMsP99: number;
  workerCpuMs: number;
  doublesCpuMs: number;
  postgresCpuMs: number;
  redisCpuMs: number;
  venueStats: VenueStats[];
  venueCycles: VenueCycle[];
  /** rate_limited poll runs by cause: deferred at a closed gate, deferred by the budget, the venue's own 429. */
  rateLimitedBy: { gate: number; budget: number; venue: number };
  loadBefore: number[];
  loadAfter: number[];
  seedMs: number;
};

export type Stat = { mean: number; p50: number; p90: number };

export type OverheadResult = {
  /** Paired samples: each one poll job, the same handler called directly, one no-op job. */
  samples: number;
  pollMs: Stat;
  directMs: Stat;
  noopMs: Stat;
  /** Per pair: poll job − direct call on the same connection (what BullMQ adds to a poll). */
  addedMs: Stat;
  pollCpuMs: number;
  directCpuMs: number;
  noopCpuMs: number;
  addedCpuMs: number;
  venueRequestsPerPoll: number;
  profileSummary: string;
  instanceCost: InstanceCost[];
  marketSharing: MarketSharingCost;
};
