import { randomBytes } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createTestOrg, startTestApp, type TestApp } from '@vigil/server/testing/test-app';
import { startServerChild, type ServerChild } from '../../request/child';
import { cpuMsOf } from '../../request/proc-cpu';
import { summarizeProfile, type CpuProfile } from '../../request/profile-summary';
import { countAddedJobs } from './added-jobs';
import { measureInstanceCost, measureMarketSharing } from './instance-cost';
import type { OverheadAnswer, OverheadAsk, OverheadSample } from './overhead-messages';
import type { CycleResult, OverheadResult, PollBenchOptions, Stat } from './poll-bench-results';
import { seedConnections, type SeededConnection } from './seed-connections';
import { baseUrlEnv, benchVenues, startDoubles } from './venue-doubles';
import type { ExchangeDouble } from '../../../server/test/doubles/exchanges/exchange-double';
import type { DoubleVenue } from '../../../server/test/doubles/exchanges/dialects';

// (a) One polling cycle of N connections over the venues that exist, through the real path:
// the scheduler tick (holdings.schedule-polls → claimDueConnections) queues BullMQ `polling`
// jobs, a worker process in mode `worker` runs ConnectionPoller with the real ccxt adapters,
// pointed at local venue doubles (50–150 ms per answer, per-key and per-IP limits answering
// 429 + Retry-After) by EXCHANGE_API_BASE_<VENUE>.
// (b) Per-job overhead: the poll job with the venue answering at once, against a no-op job on
// the same BullMQ runner (queue `polling`, one worker, concurrency 1), in alternating slices.

const here = path.dirname(fileURLToPath(import.meta.url));
const serverTsconfig = path.resolve(here, '../../../server/tsconfig.json');

export type { CycleResult, OverheadResult, PollBenchOptions } from './poll-bench-results';

function stat(xs: number[]): Stat {
  const sorted = [...xs].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { mean: xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length), p50: at(0.5), p90: at(0.9) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function scalar(c: pg.Client, sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await c.query<{ n: string | null }>(sql, params);
  return Number(rows[0]?.n ?? 0);
}

/**
 * Jobs of the polling queue still waiting or running, read from BullMQ's own keys. Not the
 * delayed set: poll jobs are never delayed, and it holds the next run of the recurring jobs that
 * share the queue (holdings.refresh-prices), which would keep the queue from ever draining.
 */
async function pollingBacklog(app: TestApp, bullPrefix: string): Promise<number> {
  const redis = app.vigil.deps.redis!;
  const q = `${bullPrefix}:vigil-polling:`;
  const [wait, active, prioritized, paused] = await Promise.all([
    redis.llen(`${q}wait`),
    redis.llen(`${q}active`),
    redis.zcard(`${q}prioritized`),
    redis.llen(`${q}paused`),
  ]);
  return wait + active + prioritized + paused;
}

/**
 * Poll jobs left in the queue in any state, delayed ones too (a claim spread over the tick), by
 * name: the scheduler's own recurring tick waits in the same queue and is no poll job.
 */
async function pollJobsLeft(app: TestApp, bullPrefix: string): Promise<number> {
  const redis = app.vigil.deps.redis!;
  const q = `${bullPrefix}:vigil-polling:`;
  const ids = (
    await Promise.all([
      redis.lrange(`${q}wait`, 0, -1),
      redis.lrange(`${q}active`, 0, -1),
      redis.zrange(`${q}prioritized`, 0, -1),
      redis.lrange(`${q}paused`, 0, -1),
      redis.zrange(`${q}delayed`, 0, -1),
    ])
  ).flat();
  const names = await Promise.all(ids.map((id) => redis.hget(`${q}${id}`, 'name')));
  return names.filter((name) => name === 'holdings.poll-connection').length;
}

/** A worker process's CPU (user + system) in ms, from its stats. */
function workerCpuMs(s: { cpuUserUs: number; cpuSystemUs: number }) {
  return (s.cpuUserUs + s.cpuSystemUs) / 1000;
}

export async function runHoldingsPollBench(o: PollBenchOptions): Promise<{ cycle: CycleResult; overhead: OverheadResult }> {
  const { usable, missing } = benchVenues();
  o.log(`  venues with adapter and double: ${usable.join(', ')}${missing.length ? `; missing: ${missing.join(', ')}` : ''}`);
  const loadBefore = os.loadavg();
  // Venue-like limits: per client IP 600 requests per 10 s (60/s) with Retry-After 10 s; per key
  // 20 requests per 10 s (a poll makes 5–7). Two keys per venue share their quota with another
  // tool (3 requests per minute): their poll meets the venue's 429 with Retry-After 5 s.
  const doubles = await startDoubles(usable, {
    latencyMs: [50, 150],
    ipLimit: { requests: 600, windowMs: 10_000, retryAfterSeconds: 10 },
  });
  const appEnv: Record<string, string> = {
    VIGIL_MODE: 'api',
    JWT_SECRET: randomBytes(32).toString('base64'),
    ENCRYPTION_KEYS: `b1:${randomBytes(32).toString('base64')}`,
    // One clean cycle: a connection claimed now is due again only after the measurement. The
    // scheduler's tick stays the production one (min(interval / 10, 10 s) = 10 s, 2,000 per tick).
    POLL_INTERVAL_SECONDS: '3600',
    QUEUE_POLLING_CONCURRENCY: String(o.concurrency),
    // Binance weighs ~45 of its 6,000 per minute per IP per poll: one egress IP polls ~530 of its
    // 1,429 connections a cycle. Loopback addresses stand for a deployment's egress IPs (the
    // doubles count their per-IP limits by the address they see).
    ...(o.egressAddresses.length ? { POLL_EGRESS_ADDRESSES: o.egressAddresses.join(',') } : {}),
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
    ...baseUrlEnv(doubles),
  };
  const app = await startTestApp(appEnv);
  const admin = new pg.Client({ connectionString: app.db.adminUrl });
  await admin.connect();
  const children: ServerChild[] = [];
  try {
    const env = app.vigil.deps.env;
    const childEnv = {
      ...appEnv,
      NODE_ENV: 'test',
      DATABASE_URL: app.db.appUrl,
      DATABASE_REQUEST_URL: app.db.requestUrl,
      DATABASE_ADMIN_URL: app.db.adminUrl,
      REDIS_URL: env.REDIS_URL!,
      REDIS_KEY_PREFIX: env.REDIS_KEY_PREFIX,
      AUDIT_CHAIN_INTERVAL_MS: '50',
      DATA_DIR: path.join(os.tmpdir(), `vigil-bench-holdings-${randomBytes(4).toString('hex')}`),
    };
    const org = await createTestOrg(app, 'Bench Holdings');
    const seedStart = performance.now();
    const seeded = await seedConnections(app.db.adminUrl, app.vigil.deps.secrets, {
      orgId: org.orgId,
      connections: o.connections,
      connectionsPerEmployee: 4,
      venues: usable,
      doubles,
      keyLimit: { requests: 20, windowMs: 10_000, retryAfterSeconds: 10 },
      hotKeysPerVenue: 2,
      hotKeyLimit: { requests: 3, windowMs: 60_000, retryAfterSeconds: 5 },
    });
    const seedMs = performance.now() - seedStart;
    o.log(
      `  seeded ${seeded.length} connections in ${(seedMs / 1000).toFixed(1)} s; starting ${o.workers} worker process(es) (concurrency ${o.concurrency} each, egress ${o.egressAddresses.join(', ') || 'the default'})`,
    );

    const cycle = await measureCycle(o, app, admin, doubles, childEnv, children, { usable, missing, loadBefore, seedMs });
    o.log(
      `  cycle: ${cycle.completed ? 'done' : 'NOT DONE'} in ${(cycle.wallMs / 1000).toFixed(1)} s, ${cycle.pollRuns} poll runs, outcomes ${JSON.stringify(cycle.outcomes)}`,
    );
    await Promise.all(children.splice(0).map((c) => c.stop()));
    const overhead = await measureOverhead(o, doubles, seeded, childEnv, children);
    return { cycle, overhead };
  } finally {
    await Promise.all(children.map((c) => c.stop()));
    await admin.end();
    await app.stop();
    await Promise.all([...doubles.values()].map((d) => d.close()));
  }
}

async function measureCycle(
  o: PollBenchOptions,
  app: TestApp,
  admin: pg.Client,
  doubles: Map<DoubleVenue, ExchangeDouble>,
  childEnv: Record<string, string>,
  children: ServerChild[],
  ctx: { usable: DoubleVenue[]; missing: string[]; loadBefore: number[]; seedMs: number },
): Promise<CycleResult> {
  const bullPrefix = `${app.vigil.deps.env.REDIS_KEY_PREFIX}bull`;
  const before = new Map([...doubles].map(([v, d]) => [v, { ...d.stats }]));
  const pollJobsAdded = countAddedJobs(app.vigil.deps.redis!, `${bullPrefix}:vigil-polling:events`, 'holdings.poll-connection');
  // Several worker processes share the cycle as deployed: each runs the scheduler's tick and the
  // polling queue; a claim is atomic, so no connection is polled twice (polledTwice checks).
  const workers = await Promise.all(
    Array.from({ length: o.workers }, (_, i) =>
      startServerChild({
        name: `poll-worker-${i + 1}`,
        file: '../src/holdings/poll-worker.ts',
        tsconfig: serverTsconfig,
        env: { BENCH_HOLDINGS_MODE: 'cycle', BENCH_HOLDINGS_ENV: JSON.stringify({ ...childEnv, VIGIL_MODE: 'worker' }) },
      }),
    ),
  );
  children.push(...workers);
  const workersCpuMs = async () =>
    (await Promise.all(workers.map((w) => w.stats()))).reduce((sum, st) => sum + workerCpuMs(st), 0);
  const t0 = performance.now();
  const dbT0 = (await admin.query<{ at: Date }>('SELECT now() AS at')).rows[0]!.at;
  const [w0, p0, d0] = [await workersCpuMs(), await cpuMsOf(['postgres', 'redis-server']), process.cpuUsage()];
  let completed = false;
  let claimed = 0;
  let backlog = 0;
  let lastLog = 0;
  // Drained means: every connection polled and nothing queued or running, seen for 2 s on end
  // (the scheduler commits its claim before it queues the jobs); the cycle ended at the first
  // of those readings.
  let drainedSince: number | undefined;
  while (performance.now() - t0 < o.timeoutSeconds * 1000) {
    await sleep(500);
    // Polled: the venue was asked (an ok poll, or the venue's own answer, e.g. a hot key's 429),
    // not only deferred at a closed gate or by the budget. A hot key (3 requests a minute) can
    // never finish a poll of 5-7 requests: its first refusal counts as its poll of the cycle.
    claimed = await scalar(
      admin,
      `SELECT count(DISTINCT connection_id) AS n FROM poll_runs
        WHERE NOT (outcome = 'rate_limited' AND (error LIKE 'The venue asked us to wait%' OR error LIKE 'Vigil''s request budget%'))`,
    );
    backlog = await pollingBacklog(app, bullPrefix);
    if (performance.now() - lastLog > 15_000) {
      lastLog = performance.now();
      const runs = await scalar(admin, 'SELECT count(*) AS n FROM poll_runs');
      o.log(
        `    ${((performance.now() - t0) / 1000).toFixed(0)} s: polled ${claimed}, poll runs ${runs}, queued or running ${backlog}`,
      );
    }
    if (claimed >= o.connections && backlog === 0) {
      drainedSince ??= performance.now();
      if (performance.now() - drainedSince >= 2000) {
        completed = true;
        break;
      }
    } else drainedSince = undefined;
  }
  const wallMs = (completed ? drainedSince! : performance.now()) - t0;
  const [w1, p1, d1] = [await workersCpuMs(), await cpuMsOf(['postgres', 'redis-server']), process.cpuUsage()];
  // The counts below are taken with the workers stopped (each finishes the jobs it is running):
  // a hot key's retry, due again after the drained reading, would otherwise be counted as added
  // and not yet as run.
  await Promise.all(workers.map((w) => w.stop()));
  const { rows: outcomeRows } = await admin.query<{ outcome: string; n: string }>(
    'SELECT outcome, count(*) AS n FROM poll_runs GROUP BY outcome ORDER BY outcome',
  );
  const outcomes = Object.fromEntries(outcomeRows.map((r) => [r.outcome, Number(r.n)]));
  const pollRuns = Object.values(outcomes).reduce((a, b) => a + b, 0);
  const { rows: span } = await admin.query<{ span: string | null; p50: string | null; p99: string | null }>(
    `SELECT extract(epoch FROM max(finished_at) - min(started_at)) * 1000 AS span,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_ms) AS p50,
            percentile_cont(0.99) WITHIN GROUP (ORDER BY duration_ms) AS p99 FROM poll_runs`,
  );
  const failedJobs = await app.vigil.deps.redis!.zcard(`${bullPrefix}:vigil-polling:failed`);
  const { rows: cycles } = await admin.query<{ venue: string; connections: string; polled: string; last_s: string | null }>(
    `SELECT c.venue, count(*) AS connections, count(f.first_ok) AS polled, extract(epoch FROM max(f.first_ok) - $1) AS last_s
       FROM exchange_connections c
       LEFT JOIN (SELECT connection_id, min(finished_at) FILTER (WHERE outcome = 'ok') AS first_ok FROM poll_runs GROUP BY 1) f
         ON f.connection_id = c.id
      GROUP BY c.venue ORDER BY c.venue`,
    [dbT0],
  );
  const rateLimitedBy = {
    gate: await scalar(
      admin,
      `SELECT count(*) AS n FROM poll_runs WHERE outcome = 'rate_limited' AND error LIKE 'The venue asked us to wait%'`,
    ),
    budget: await scalar(
      admin,
      `SELECT count(*) AS n FROM poll_runs WHERE outcome = 'rate_limited' AND error LIKE 'Vigil''s request budget%'`,
    ),
    venue: await scalar(
      admin,
      `SELECT count(*) AS n FROM poll_runs WHERE outcome = 'rate_limited' AND error NOT LIKE 'The venue asked us to wait%' AND error NOT LIKE 'Vigil''s request budget%'`,
    ),
  };
  const { count: added, lost: addedCountShort } = await pollJobsAdded.stop();
  const leftover = await pollJobsLeft(app, bullPrefix);
  return {
    venues: ctx.usable,
    missingVenues: ctx.missing,
    connections: o.connections,
    concurrency: o.concurrency,
    workers: o.workers,
    egressAddresses: o.egressAddresses,
    polledTwice: await scalar(
      admin,
      `SELECT count(*) AS n FROM (SELECT connection_id FROM poll_runs WHERE outcome = 'ok' GROUP BY 1 HAVING count(*) > 1) t`,
    ),
    completed,
    wallMs,
    pollSpanMs: Number(span[0]?.span ?? 0),
    claimed,
    added,
    addedCountShort,
    done: added - leftover,
    pollRuns,
    outcomes,
    withoutRun: added - leftover - pollRuns,
    failedJobs,
    pollMsP50: Number(span[0]?.p50 ?? 0),
    pollMsP99: Number(span[0]?.p99 ?? 0),
    workerCpuMs: w1 - w0,
    doublesCpuMs: (d1.user + d1.system - d0.user - d0.system) / 1000,
    postgresCpuMs: p1.postgres! - p0.postgres!,
    redisCpuMs: p1['redis-server']! - p0['redis-server']!,
    venueStats: [...doubles].map(([venue, d]) => ({
      venue,
      requests: d.stats.requests - before.get(venue)!.requests,
      rateLimited: d.stats.rateLimited - before.get(venue)!.rateLimited,
      sentDuringRetryAfter: d.stats.sentDuringRetryAfter - before.get(venue)!.sentDuringRetryAfter,
    })),
    venueCycles: cycles.map((r) => ({
      venue: r.venue,
      connections: Number(r.connections),
      polled: Number(r.polled),
      lastFirstOkS: r.last_s === null ? null : Number(r.last_s),
    })),
    rateLimitedBy,
    loadBefore: ctx.loadBefore,
    loadAfter: os.loadavg(),
    seedMs: ctx.seedMs,
  };
}

/** One run of the overhead worker (it answers over loopback HTTP when the jobs are done). */
async function ask(child: ServerChild, m: OverheadAsk): Promise<OverheadAnswer> {
  const res = await fetch(`${child.ready.url}${child.ready.path}`, { method: 'POST', body: JSON.stringify(m) });
  if (!res.ok) throw new Error(`overhead worker: ${res.status} ${await res.text()}`);
  return (await res.json()) as OverheadAnswer;
}

async function measureOverhead(
  o: PollBenchOptions,
  doubles: Map<DoubleVenue, ExchangeDouble>,
  seeded: SeededConnection[],
  childEnv: Record<string, string>,
  children: ServerChild[],
): Promise<OverheadResult> {
  // The venue answers at once and sets no limits: what is left is our own path.
  for (const d of doubles.values()) {
    d.setLatency(0);
    d.limitIp(undefined);
  }
  const worker = await startServerChild({
    name: 'overhead-worker',
    file: '../src/holdings/poll-worker.ts',
    tsconfig: serverTsconfig,
    env: { BENCH_HOLDINGS_MODE: 'overhead', BENCH_HOLDINGS_ENV: JSON.stringify({ ...childEnv, VIGIL_MODE: 'api', PORT: '0' }) },
  });
  children.push(worker);
  // Connections that polled fine in the cycle (hot keys left out), fresh ones per sample; seeded
  // round-robin over the venues, so with BENCH_OVERHEAD_JOBS a multiple of 7 the two halves of
  // a take pair up venue by venue.
  const pool = seeded.filter((s) => !s.hot);
  let next = 0;
  const take = (n: number) => pool.slice(next, (next += n)).map((s) => s.id);
  const run = (ids: string[], round: number) => ask(worker, { type: 'overhead-run', ids, round });
  // Warm-up: markets cached per adapter, JIT, pools filled.
  await run(take(28), 0);
  const pairs: OverheadSample[][] = [];
  const requests0 = [...doubles.values()].reduce((a, d) => a + d.stats.requests, 0);
  for (let round = 0; round < o.overheadRounds; round++) {
    const r = await run(take(2 * o.overheadJobs), round);
    pairs.push(...r.samples);
    const part = r.samples.flat();
    const mean = (k: OverheadSample['kind']) => stat(part.filter((x) => x.kind === k).map((x) => x.ms)).mean.toFixed(2);
    o.log(
      `    overhead round ${round + 1}/${o.overheadRounds}: poll job ${mean('poll')}, direct ${mean('direct')}, no-op ${mean('noop')} ms`,
    );
  }
  const venueRequests = [...doubles.values()].reduce((a, d) => a + d.stats.requests, 0) - requests0;
  // Where a poll's time goes: a sampling profile of one more round (not measured).
  await mkdir(o.profileDir, { recursive: true });
  const stop = worker.profile(path.join(o.profileDir, `poll-overhead-${Date.now()}.cpuprofile`));
  await run(take(2 * o.overheadJobs), 99);
  const file = await stop();
  const profileSummary = summarizeProfile(JSON.parse(await readFile(file, 'utf8')) as CpuProfile, file, 20);
  const of = (k: OverheadSample['kind']) => pairs.map((p) => p.find((x) => x.kind === k)!);
  const [poll, direct, noop] = [of('poll'), of('direct'), of('noop')];
  const cpu = (xs: OverheadSample[]) => stat(xs.map((x) => x.cpuUs / 1000)).mean;
  return {
    samples: pairs.length,
    pollMs: stat(poll.map((x) => x.ms)),
    directMs: stat(direct.map((x) => x.ms)),
    noopMs: stat(noop.map((x) => x.ms)),
    addedMs: stat(poll.map((x, i) => x.ms - direct[i]!.ms)),
    pollCpuMs: cpu(poll),
    directCpuMs: cpu(direct),
    noopCpuMs: cpu(noop),
    addedCpuMs: stat(poll.map((x, i) => (x.cpuUs - direct[i]!.cpuUs) / 1000)).mean,
    venueRequestsPerPoll: venueRequests / (pairs.length * 2),
    profileSummary,
    instanceCost: await measureInstanceCost([...doubles.keys()]),
    marketSharing: measureMarketSharing(),
  };
}
