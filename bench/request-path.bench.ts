import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServerChild } from './request/child';
import { summarizeProfile, type CpuProfile } from './request/profile-summary';
import { assertFullPage, USERS_BODY } from './request/query';
import {
  compareInSlices,
  referenceBody,
  referencesAfterWarmUp,
  runIsCorrect,
  type ComparedOperation,
  type ServerRun,
} from './request/server-comparison';

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
// BENCH_REQUEST_CONNECTIONS ("10,32"), BENCH_PROFILE=1 (a sampling CPU profile of each slice of
// each server into results/profiles/, summarized after the table; the profiler slows the servers,
// so figures of a profiled run are not the benchmark's).

const here = path.dirname(fileURLToPath(import.meta.url));
const seconds = Number(process.env.BENCH_REQUEST_SECONDS ?? 15);
const warmup = Number(process.env.BENCH_REQUEST_WARMUP ?? 8);
const connectionCounts = (process.env.BENCH_REQUEST_CONNECTIONS ?? '10,32').split(',').map(Number);
const rounds = Number(process.env.BENCH_REQUEST_ROUNDS ?? 6);
const profileDir = process.env.BENCH_PROFILE ? path.join(here, 'results/profiles') : undefined;
const GOAL = 0.45;
const profiles: string[] = [];
const USERS: ComparedOperation = { body: USERS_BODY, check: assertFullPage, auditAction: 'query.users' };
const log = (s: string) => process.stderr.write(`${s}\n`);
const n = (x: number, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

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
  const runs: ServerRun[] = [];
  try {
    const servers = [vigil, bare];
    const bodies = await referencesAfterWarmUp(servers, USERS, Math.max(...connectionCounts), warmup, log);
    for (const connections of connectionCounts) {
      const measured = await compareInSlices({
        servers,
        op: USERS,
        bodies,
        connections,
        seconds,
        rounds,
        profileDir,
        profileLabel: 'users',
        log,
      });
      runs.push(...measured.runs);
      profiles.push(...measured.profiles);
    }
    // A few more full checks after the load, not just byte equality during it.
    for (const s of servers) for (let i = 0; i < 3; i++) await referenceBody(s, USERS);
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

function report(runs: ServerRun[]): void {
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
    let line = `  ${r.server} @${r.connections}: ${n(r.completed)} completed of ${n(r.sent)} sent, non-2xx ${r.non2xx}, body mismatches ${r.mismatches}, socket errors ${r.errors}`;
    const correct = runIsCorrect(r);
    if (r.auditEntries !== undefined) {
      line += `; audit entries query.users: ${n(r.auditEntries)} (${correct ? 'one per request' : 'MISMATCH'}; completed ${n(r.completed)}, sent ${n(r.sent)})`;
    }
    ok &&= correct;
    process.stdout.write(`${line}\n`);
  }
  if (!ok) {
    process.stdout.write('request path: CORRECTNESS CHECK FAILED\n');
    process.exitCode = 1;
  }
}

await main();
