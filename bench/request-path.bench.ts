import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { startServerChild, type ServerChild } from './request/child';
import { cpuMsOf, machineBusyMs } from './request/proc-cpu';
import { summarizeProfile, type CpuProfile } from './request/profile-summary';
import { assertFullPage, USERS_BODY } from './request/query';

// (b) The request path: the authenticated, RLS-bound, audited `users(first: 50)` list query on
// Vigil against a bare Apollo Server 5 answering the same shape from memory, at 10 and 32
// connections. Each server runs in a child process; autocannon runs here.
//
// Correctness: every response must equal a reference body that was checked to be a 200 with 50
// nodes and no errors (autocannon's expectBody counts mismatches), and Vigil's audit log must
// hold one `query.users` entry per request it answered.
//
// Env: BENCH_WORKER=separate (Vigil as API + a worker process), BENCH_REQUEST_SECONDS (per server
// and connection count, default 15, split into
// BENCH_REQUEST_ROUNDS alternating slices, default 6), BENCH_REQUEST_WARMUP (seconds per server,
// default 8: Vigil's first slice after a 3 s warm-up ran 20–40 % slower than its later ones),
// BENCH_REQUEST_CONNECTIONS ("10,32"), BENCH_PROFILE=1 (a sampling CPU profile of each
// measured Vigil run into results/profiles/, summarized after the table; the profiler slows Vigil,
// so figures of a profiled run are not the benchmark's).

const here = path.dirname(fileURLToPath(import.meta.url));
const seconds = Number(process.env.BENCH_REQUEST_SECONDS ?? 15);
const warmup = Number(process.env.BENCH_REQUEST_WARMUP ?? 8);
const connectionCounts = (process.env.BENCH_REQUEST_CONNECTIONS ?? '10,32').split(',').map(Number);
const rounds = Number(process.env.BENCH_REQUEST_ROUNDS ?? 6);
const profileDir = process.env.BENCH_PROFILE ? path.join(here, 'results/profiles') : undefined;
const GOAL = 0.45;
const profiles: string[] = [];
const log = (s: string) => process.stderr.write(`${s}\n`);
const n = (x: number, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

type Run = {
  server: string;
  connections: number;
  completed: number;
  sent: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  mismatches: number;
  errors: number;
  serverCpuMsPerReq: number;
  postgresCpuMsPerReq: number;
  redisCpuMsPerReq: number;
  machineBusyPct: number;
  auditEntries?: number;
};

async function load(target: ServerChild, connections: number, duration: number, expectBody?: string) {
  return autocannon({
    url: `${target.ready.url}${target.ready.path}`,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...target.ready.headers },
    body: USERS_BODY,
    connections,
    duration,
    expectBody,
  });
}

/** One reference response, checked in full; every later response must equal it byte for byte. */
async function referenceBody(target: ServerChild): Promise<string> {
  const res = await fetch(`${target.ready.url}${target.ready.path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...target.ready.headers },
    body: USERS_BODY,
  });
  const body = await res.text();
  assertFullPage(target.name, res.status, body);
  return body;
}

async function auditCount(adminUrl: string, orgId: string): Promise<number> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    // Linked into the chain or not yet, an entry is one row of audit_log.
    const { rows } = await c.query<{ n: string }>(
      `SELECT count(*) AS n FROM audit_log WHERE org_id = $1 AND action = 'query.users' AND outcome = 'allowed'`,
      [orgId],
    );
    return Number(rows[0]!.n);
  } finally {
    await c.end();
  }
}

async function measure(target: ServerChild, connections: number, expectBody: string, duration: number): Promise<Run> {
  const audited =
    target.ready.adminUrl && target.ready.orgId ? { url: target.ready.adminUrl, org: target.ready.orgId } : undefined;
  const auditBefore = audited ? await auditCount(audited.url, audited.org) : 0;
  const [s0, p0, m0] = [await target.stats(), await cpuMsOf(['postgres', 'redis-server']), machineBusyMs()];
  const stopProfile =
    profileDir && target.name === 'vigil'
      ? target.profile(path.join(profileDir, `vigil-${connections}c-${Date.now()}.cpuprofile`))
      : undefined;
  const r = await load(target, connections, duration, expectBody);
  if (stopProfile) profiles.push(await stopProfile());
  const [s1, p1, m1] = [await target.stats(), await cpuMsOf(['postgres', 'redis-server']), machineBusyMs()];
  const completed = r.requests.total;
  const wallMs = r.duration * 1000;
  const perReq = (ms: number) => (completed ? ms / completed : 0);
  let auditEntries: number | undefined;
  if (audited) {
    // Requests still in flight when autocannon stopped finish on the server and are audited too.
    await new Promise((resolve) => setTimeout(resolve, 500));
    auditEntries = (await auditCount(audited.url, audited.org)) - auditBefore;
  }
  return {
    server: target.name,
    connections,
    completed,
    sent: r.requests.sent,
    seconds: r.duration,
    rps: completed / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    mismatches: r.mismatches,
    errors: r.errors,
    serverCpuMsPerReq: perReq((s1.cpuUserUs + s1.cpuSystemUs - s0.cpuUserUs - s0.cpuSystemUs) / 1000),
    postgresCpuMsPerReq: perReq(p1.postgres! - p0.postgres!),
    redisCpuMsPerReq: perReq(p1['redis-server']! - p0['redis-server']!),
    machineBusyPct: ((m1 - m0) / (wallMs * os.cpus().length)) * 100,
    auditEntries,
  };
}

/** One run from its slices: totals summed, per-request CPU weighted by requests, p50 the median
 * of the slices' p50s and p99 the worst slice's p99. */
function combine(slices: Run[]): Run {
  const sum = (f: (r: Run) => number) => slices.reduce((a, r) => a + f(r), 0);
  const completed = sum((r) => r.completed);
  const seconds = sum((r) => r.seconds);
  const perReq = (f: (r: Run) => number) => (completed ? sum((r) => f(r) * r.completed) / completed : 0);
  const p50s = slices.map((r) => r.p50).sort((a, b) => a - b);
  const audited = slices.every((r) => r.auditEntries !== undefined);
  return {
    server: slices[0]!.server,
    connections: slices[0]!.connections,
    completed,
    sent: sum((r) => r.sent),
    seconds,
    rps: completed / seconds,
    p50: p50s[Math.floor(p50s.length / 2)]!,
    p99: Math.max(...slices.map((r) => r.p99)),
    non2xx: sum((r) => r.non2xx),
    mismatches: sum((r) => r.mismatches),
    errors: sum((r) => r.errors),
    serverCpuMsPerReq: perReq((r) => r.serverCpuMsPerReq),
    postgresCpuMsPerReq: perReq((r) => r.postgresCpuMsPerReq),
    redisCpuMsPerReq: perReq((r) => r.redisCpuMsPerReq),
    machineBusyPct: sum((r) => r.machineBusyPct * r.seconds) / seconds,
    auditEntries: audited ? sum((r) => r.auditEntries!) : undefined,
  };
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.slice(1).map(line)].join('\n');
}

async function main(): Promise<void> {
  log(
    `(b) request path: users(first: 50), Vigil vs bare Apollo Server, ${connectionCounts.join(' and ')} connections, ${seconds} s each`,
  );
  if (profileDir) await mkdir(profileDir, { recursive: true });
  log('  starting Vigil (fresh database, seeding users) and the bare server ...');
  const vigil = await startServerChild({
    name: 'vigil',
    file: 'vigil-server.ts',
    tsconfig: path.join(here, '../server/tsconfig.json'),
  });
  const bare = await startServerChild({ name: 'bare', file: 'bare-server.ts', tsconfig: path.join(here, 'tsconfig.json') });
  const runs: Run[] = [];
  try {
    const servers = [vigil, bare];
    const bodies = new Map<ServerChild, string>();
    for (const s of servers) bodies.set(s, await referenceBody(s));
    for (const s of servers) {
      log(`  warm-up ${s.name}: ${warmup} s at ${Math.max(...connectionCounts)} connections`);
      await load(s, Math.max(...connectionCounts), warmup);
    }
    // The host's speed drifts (a shared VM): the two servers take turns in short slices, in
    // alternating order, so drift falls on both alike instead of on whichever ran second.
    const sliceSeconds = Math.max(1, Math.round(seconds / rounds));
    for (const connections of connectionCounts) {
      const slices = new Map<ServerChild, Run[]>(servers.map((s) => [s, []]));
      for (let round = 0; round < rounds; round++) {
        for (const s of round % 2 === 0 ? servers : [...servers].reverse()) {
          const slice = await measure(s, connections, bodies.get(s)!, sliceSeconds);
          slices.get(s)!.push(slice);
          log(
            `  ${s.name} at ${connections} connections, slice ${round + 1}/${rounds}: ${Math.round(slice.rps)} req/s, server CPU ${slice.serverCpuMsPerReq.toFixed(2)} ms/req`,
          );
        }
      }
      for (const s of servers) runs.push(combine(slices.get(s)!));
    }
    // A few more full checks after the load, not just byte equality during it.
    for (const s of servers) for (let i = 0; i < 3; i++) await referenceBody(s);
  } finally {
    await Promise.all([vigil.stop(), bare.stop()]);
  }
  report(runs);
  for (const file of profiles)
    process.stdout.write(`\n${summarizeProfile(JSON.parse(await readFile(file, 'utf8')) as CpuProfile, file)}`);
  const dir = path.join(here, 'results');
  await mkdir(dir, { recursive: true });
  await writeFile(
    path.join(dir, `request-path-${Date.now()}.json`),
    JSON.stringify({ date: new Date().toISOString(), cpus: os.cpus().length, cpu: os.cpus()[0]?.model, seconds, runs }, null, 2),
  );
}

function report(runs: Run[]): void {
  const rows: string[][] = [
    ['server', 'conns', 'req/s', 'p50 ms', 'p99 ms', 'vs bare', 'server CPU ms/req', 'PG CPU ms/req', 'machine busy'],
  ];
  for (const r of runs) {
    const base = runs.find((b) => b.server === 'bare' && b.connections === r.connections);
    const ratio =
      r.server === 'vigil' && base ? `${n((r.rps / base.rps) * 100)} % (${r.rps / base.rps >= GOAL ? 'met' : 'MISSED'})` : '';
    rows.push([
      r.server,
      String(r.connections),
      n(r.rps),
      n(r.p50, 1),
      n(r.p99, 1),
      ratio,
      n(r.serverCpuMsPerReq, 2),
      n(r.postgresCpuMsPerReq, 2),
      `${n(r.machineBusyPct)} %`,
    ]);
  }
  process.stdout.write(
    `\nmachine: ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? '?'}; goal: Vigil >= ${GOAL * 100} % of bare req/s\n`,
  );
  process.stdout.write(`${table(rows)}\n`);
  process.stdout.write(
    'PG CPU and machine busy count every process on the machine (other PostgreSQL clients too): meaningful on a quiet machine only.\n',
  );
  process.stdout.write(`\ncorrectness (every response compared with a checked 200 / 50 nodes / no errors body):\n`);
  let ok = true;
  for (const r of runs) {
    const bad = r.non2xx + r.mismatches + r.errors;
    let line = `  ${r.server} @${r.connections}: ${n(r.completed)} completed of ${n(r.sent)} sent, non-2xx ${r.non2xx}, body mismatches ${r.mismatches}, socket errors ${r.errors}`;
    if (r.auditEntries !== undefined) {
      // In-flight requests at the end: sent but not counted as completed, still answered and audited.
      const auditOk = r.auditEntries >= r.completed && r.auditEntries <= r.sent;
      ok &&= auditOk;
      line += `; audit entries query.users: ${n(r.auditEntries)} (${auditOk ? 'one per request' : 'MISMATCH'}; completed ${n(r.completed)}, sent ${n(r.sent)})`;
    }
    ok &&= bad === 0;
    process.stdout.write(`${line}\n`);
  }
  if (!ok) {
    process.stdout.write('request path: CORRECTNESS CHECK FAILED\n');
    process.exitCode = 1;
  }
}

await main();
