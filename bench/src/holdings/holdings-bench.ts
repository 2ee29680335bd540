import { fork } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServerRun } from '../../request/server-comparison';
import { runHoldingsListBench, type ListResult } from './holdings-list-bench';
import type { CycleResult, OverheadResult, PollBenchOptions } from './holdings-poll-bench';

// Holdings oversight (issue 10, "pnpm bench"): (a) one polling cycle, (b) per-job overhead,
// (c) the employees list. Env: BENCH_POLL_CONNECTIONS (10000), BENCH_POLL_CONCURRENCY (100),
// BENCH_POLL_TIMEOUT (seconds, 900), BENCH_POLL_WORKERS (worker processes, 2), BENCH_EGRESS_ADDRESSES
// (the workers' POLL_EGRESS_ADDRESSES, six loopback addresses; empty: the default egress), BENCH_OVERHEAD_JOBS (paired samples per round, 70),
// BENCH_OVERHEAD_ROUNDS (4), BENCH_LIST_SECONDS (per server, 15, in BENCH_REQUEST_ROUNDS
// slices, 6), BENCH_LIST_CONNECTIONS (10), BENCH_REQUEST_WARMUP (8), BENCH_LIST_REFERENCE=0 (no users list beside (c)), BENCH_HOLDINGS_ONLY_LIST=1 (c alone), BENCH_HOLDINGS_SKIP_LIST=1
// (runs (a) and (b) only), BENCH_PROFILE=1 (CPU profiles of (c)'s Vigil slices, summarized).

const INTERVAL_MS = 300_000;
const here = path.dirname(fileURLToPath(import.meta.url));

type Row = [string, string, string, string];
const goal = (ok: boolean) => (ok ? 'met' : 'MISSED');
const n = (x: number, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');

export type HoldingsBenchResult = {
  cycle: CycleResult | undefined;
  overhead: OverheadResult | undefined;
  list: ListResult | undefined;
};

export async function runHoldingsBench(log: (s: string) => void): Promise<{ results: HoldingsBenchResult; rows: Row[] }> {
  const concurrency = Number(process.env.BENCH_POLL_CONCURRENCY ?? 100);
  log(`(d) holdings: a polling cycle, per-job overhead, the employees list (load average ${load(os.loadavg())})`);
  if (process.env.BENCH_HOLDINGS_ONLY_LIST === '1') {
    // (c) alone, for working on the list: (a) and (b) take a quarter of an hour.
    const list = await runHoldingsListBench(listOptions(log));
    log(`load average after: ${load(os.loadavg())}`);
    return { results: { cycle: undefined, overhead: undefined, list }, rows: listRows(list) };
  }
  const { cycle, overhead } = await runPollBenchInChild({
    connections: Number(process.env.BENCH_POLL_CONNECTIONS ?? 10_000),
    concurrency,
    workers: Number(process.env.BENCH_POLL_WORKERS ?? 2),
    egressAddresses: (process.env.BENCH_EGRESS_ADDRESSES ?? '127.0.0.1,127.0.0.2,127.0.0.3,127.0.0.4,127.0.0.5,127.0.0.6')
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean),
    timeoutSeconds: Number(process.env.BENCH_POLL_TIMEOUT ?? 900),
    overheadJobs: Number(process.env.BENCH_OVERHEAD_JOBS ?? 70),
    overheadRounds: Number(process.env.BENCH_OVERHEAD_ROUNDS ?? 4),
    profileDir: path.resolve(here, '../../results/profiles'),
  });
  if (process.env.BENCH_HOLDINGS_SKIP_LIST === '1') {
    printDetails(cycle, overhead, undefined);
    return { results: { cycle, overhead, list: undefined }, rows: rowsOf(cycle, overhead, undefined) };
  }
  const list = await runHoldingsListBench(listOptions(log));
  printDetails(cycle, overhead, list);
  return { results: { cycle, overhead, list }, rows: rowsOf(cycle, overhead, list) };
}

function listOptions(log: (s: string) => void) {
  return {
    seconds: Number(process.env.BENCH_LIST_SECONDS ?? 15),
    rounds: Number(process.env.BENCH_REQUEST_ROUNDS ?? 6),
    warmup: Number(process.env.BENCH_REQUEST_WARMUP ?? 8),
    connections: Number(process.env.BENCH_LIST_CONNECTIONS ?? 10),
    log,
    profileDir: process.env.BENCH_PROFILE ? path.join(here, '../../results/profiles') : undefined,
    withUsersList: process.env.BENCH_LIST_REFERENCE !== '0',
  };
}

/** (a) and (b) in a child loaded with the server's tsconfig (poll-orchestrator.ts says why). */
function runPollBenchInChild(options: Omit<PollBenchOptions, 'log'>): Promise<{ cycle: CycleResult; overhead: OverheadResult }> {
  const child = fork(path.join(here, 'poll-orchestrator.ts'), [], {
    execArgv: ['--import', import.meta.resolve('tsx')],
    env: {
      ...process.env,
      TSX_TSCONFIG_PATH: path.resolve(here, '../../../server/tsconfig.json'),
      BENCH_POLL_OPTIONS: JSON.stringify(options),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m: { type: string; result: { cycle: CycleResult; overhead: OverheadResult } }) => resolve(m.result));
    child.once('exit', (code) => reject(new Error(`the poll bench exited with ${code} before reporting`)));
  });
}

function rowsOf(c: CycleResult, o: OverheadResult, l: ListResult | undefined): Row[] {
  const retryAfterSends = c.venueStats.reduce((a, v) => a + v.sentDuringRetryAfter, 0);
  const ratio = o.addedMs.mean / o.noopMs.mean;
  const raw = o.pollMs.mean / o.noopMs.mean;
  const rows: Row[] = [
    [
      `(a) poll cycle: ${n(c.connections)} connections, ${c.venues.length} venues, ${c.workers} workers × concurrency ${c.concurrency}, ${c.egressAddresses.length || 1} egress IPs`,
      `${c.completed ? '' : 'NOT FINISHED: '}${n(c.wallMs / 1000, 1)} s (${n((c.wallMs / INTERVAL_MS) * 100)} % of 300 s)`,
      '<= 300 s',
      goal(c.completed && c.wallMs <= INTERVAL_MS),
    ],
    ...c.venueCycles.map((v): Row => [
      `  ${v.venue}: connections with an ok poll`,
      `${n(v.polled)} of ${n(v.connections)}${v.lastFirstOkS !== null ? `, the last at ${n(v.lastFirstOkS, 1)} s` : ''}`,
      '',
      '',
    ]),
    ['  first poll start to last poll end', `${n(c.pollSpanMs / 1000, 1)} s`, '', ''],
    [
      '  polls/s (jobs done / wall)',
      `${n(c.done / (c.wallMs / 1000), 1)} /s (33.3 /s fills the interval)${c.completed ? '' : `; ${n(c.done)} of ${n(c.connections)} done, projected cycle ${n(c.connections / (c.done / (c.wallMs / 1000)))} s`}`,
      '',
      '',
    ],
    [
      '  worker CPU per poll',
      `${n(c.workerCpuMs / Math.max(1, c.pollRuns), 2)} ms (${n(c.workerCpuMs / 1000, 1)} s / ${n(c.pollRuns)} poll runs)`,
      '',
      '',
    ],
    ['  poll duration p50 / p99 (poll_runs)', `${n(c.pollMsP50)} / ${n(c.pollMsP99)} ms`, '', ''],
    [
      '  outcomes (poll_runs)',
      Object.entries(c.outcomes)
        .map(([k, v]) => `${k} ${n(v)}`)
        .join(', '),
      '',
      '',
    ],
    [
      '  rate_limited by cause',
      `venue's 429 ${n(c.rateLimitedBy.venue)}, deferred at a closed gate ${n(c.rateLimitedBy.gate)}, by the budget ${n(c.rateLimitedBy.budget)}`,
      '',
      '',
    ],
    ['  polled (venue asked) / poll jobs queued', `${n(c.claimed)} / ${n(c.added)}`, '', ''],
    ['  connections polled twice in the cycle', n(c.polledTwice), '0', goal(c.polledTwice === 0)],
    [
      '  jobs done without a poll run (skipped, or failed)',
      `${n(c.withoutRun)} (failed jobs ${n(c.failedJobs)})${c.addedCountShort ? '; jobs counted short: events trimmed' : ''}`,
      '0',
      goal(c.withoutRun === 0 && !c.addedCountShort),
    ],
    [
      '  requests sent during a Retry-After',
      `${n(retryAfterSends)} (of ${n(c.venueStats.reduce((a, v) => a + v.requests, 0))}; 429s ${n(c.venueStats.reduce((a, v) => a + v.rateLimited, 0))})`,
      '0',
      goal(retryAfterSends === 0),
    ],
    [
      '(b) per-job overhead: (poll job - same poll direct) / no-op job',
      `${n(ratio, 2)}x (${n(o.addedMs.mean, 2)} / ${n(o.noopMs.mean, 2)} ms, mean of ${n(o.samples)} pairs; p50 ${n(o.addedMs.p50, 2)} / ${n(o.noopMs.p50, 2)})`,
      '<= 2x',
      goal(ratio <= 2),
    ],
    [
      '  raw: poll job / no-op job (wall)',
      `${n(raw, 1)}x (${n(o.pollMs.mean, 2)} / ${n(o.noopMs.mean, 2)} ms; direct ${n(o.directMs.mean, 2)} ms)`,
      '',
      '',
    ],
    [
      '  CPU per job: poll / direct / no-op; poll - direct',
      `${n(o.pollCpuMs, 2)} / ${n(o.directCpuMs, 2)} / ${n(o.noopCpuMs, 2)} ms; ${n(o.addedCpuMs, 2)} ms (${n(o.venueRequestsPerPoll, 1)} venue requests per poll)`,
      '',
      '',
    ],
  ];
  return l ? [...rows, ...listRows(l)] : rows;
}

const bad = (r: ServerRun) => r.non2xx + r.mismatches + r.errors;

function listRows(l: ListResult): Row[] {
  const listRatio = l.vigil.rps / l.bare.rps;
  return [
    [
      `(c) employees(first: 50), ${l.connections} connections`,
      `${n(listRatio * 100)} % of bare (${n(l.vigil.rps)} vs ${n(l.bare.rps)} req/s)`,
      '>= 60 %',
      goal(listRatio >= 0.6),
    ],
    [
      '  p50 / p99, server CPU per request',
      `Vigil ${n(l.vigil.p50, 1)} / ${n(l.vigil.p99, 1)} ms, ${n(l.vigil.serverCpuMsPerReq, 2)} ms; bare ${n(l.bare.p50, 1)} / ${n(l.bare.p99, 1)} ms, ${n(l.bare.serverCpuMsPerReq, 2)} ms`,
      '',
      '',
    ],
    [
      '  CPU per request: PostgreSQL; both cores',
      `Vigil: PostgreSQL ${n(l.vigil.postgresCpuMsPerReq, 2)} ms, the server's in the kernel ${n(l.vigil.serverSystemMsPerReq, 2)} ms, machine ${n(l.vigil.machineBusyMsPerReq, 2)} ms; bare: PostgreSQL ${n(l.bare.postgresCpuMsPerReq, 2)} ms, machine ${n(l.bare.machineBusyMsPerReq, 2)} ms`,
      '',
      '',
    ],
    ...usersListRows(l),
    [
      '  correctness: bad responses, audit entries',
      `${n(bad(l.vigil) + bad(l.bare) + (l.usersList ? bad(l.usersList.vigil) + bad(l.usersList.bare) : 0))} bad; ${n(l.vigil.auditEntries ?? 0)} query.employees entries for ${n(l.vigil.completed)} answered${l.usersList ? `, ${n(l.usersList.vigil.auditEntries ?? 0)} query.users for ${n(l.usersList.vigil.completed)}` : ''} (${l.correct ? 'one per request' : 'MISMATCH'})`,
      '0 bad, one each',
      goal(l.correct),
    ],
  ];
}

/** The core's users list measured in the same run: what the employees list is built on, on the day. */
function usersListRows(l: ListResult): Row[] {
  if (!l.usersList) return [];
  const { vigil: v, bare: b } = l.usersList;
  return [
    [
      '  the users list in the same run',
      `${n((v.rps / b.rps) * 100)} % of bare (${n(v.rps)} vs ${n(b.rps)} req/s); employees list / users list: ${n((l.vigil.rps / v.rps) * 100)} %`,
      '',
      '',
    ],
    [
      '  users list: server CPU, PostgreSQL, machine',
      `Vigil ${n(v.serverCpuMsPerReq, 2)} / ${n(v.postgresCpuMsPerReq, 2)} / ${n(v.machineBusyMsPerReq, 2)} ms; bare ${n(b.serverCpuMsPerReq, 2)} / ${n(b.postgresCpuMsPerReq, 2)} / ${n(b.machineBusyMsPerReq, 2)} ms`,
      '',
      '',
    ],
  ];
}

function printDetails(c: CycleResult, o: OverheadResult, l: ListResult | undefined): void {
  const out = (s: string) => process.stdout.write(`${s}\n`);
  out(
    `\nholdings (a): venues ${c.venues.join(', ')}${c.missingVenues.length ? `; not benched (not landed): ${c.missingVenues.join(', ')}` : ''}`,
  );
  out(
    `  seeding ${n(c.connections)} connections took ${n(c.seedMs / 1000, 1)} s; load average before ${load(c.loadBefore)}, after ${load(c.loadAfter)}`,
  );
  out(
    `  CPU during the cycle: worker ${n(c.workerCpuMs / 1000, 1)} s, doubles + bench process ${n(c.doublesCpuMs / 1000, 1)} s, PostgreSQL (all) ${n(c.postgresCpuMs / 1000, 1)} s, Redis ${n(c.redisCpuMs / 1000, 1)} s`,
  );
  for (const v of c.venueStats)
    out(
      `  ${v.venue.padEnd(9)} requests ${n(v.requests).padStart(7)}, 429/403 answered ${n(v.rateLimited).padStart(5)}, sent during a Retry-After ${n(v.sentDuringRetryAfter)}`,
    );
  if (l)
    out(`  Vigil list: ${n(l.vigil.completed)} of ${n(l.vigil.sent)} sent; bare ${n(l.bare.completed)} of ${n(l.bare.sent)}`);
  out(
    `\nholdings (b): where the time goes with the venue at 0 ms (a sampling profile of one more round of paired samples, not measured):`,
  );
  out(o.profileSummary);
  out(
    '\nholdings (b): a ccxt instance per venue, 20 times each: built (createInstance, what onboarding pays per call) against leased from the pool and given back (what a poll pays):',
  );
  for (const i of o.instanceCost)
    out(
      `  ${i.venue.padEnd(9)} built ${n(i.cpuMs, 1).padStart(5)} ms CPU, leased ${n(i.leaseCpuMs, 2).padStart(5)} ms (${n((100 * i.leaseCpuMs) / i.cpuMs, 1)} % of a build; ccxt's own rateLimit ${n(i.rateLimitMs)} ms: off for polling)`,
    );
  const m = o.marketSharing;
  out(
    `  markets for a poll, at ${n(m.markets)} Binance markets: rebuilt from the cached list (setMarkets) ${n(m.rebuildMs, 1)} ms CPU, shared (setMarketsFromExchange, what a poll does) ${n(m.shareMs * 1000, 1)} µs`,
  );
}
