import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { summarizeProfile, type CpuProfile } from '../../request/profile-summary';
import { startServerChild, type ServerChild } from '../../request/child';
import { assertFullEmployeesPage, EMPLOYEES_BODY } from './list/employees-query';

// (c) The employees list: `employees(first: 50)` through the real server (authenticated, shield
// rules, RLS-bound request transaction, audited) against a bare Apollo Server answering the same
// shape from memory. The harness is the request-path bench's (request/child.ts: each server in
// its own process; request/ipc.ts), with the same method: a checked reference body per server,
// every response compared byte for byte (autocannon expectBody), the servers taking turns in
// short slices in alternating order, and one audit entry per answered request on Vigil.

const here = path.dirname(fileURLToPath(import.meta.url));

export type ListRun = {
  server: string;
  completed: number;
  sent: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  bad: number;
  serverCpuMsPerReq: number;
};
export type ListResult = { connections: number; vigil: ListRun; bare: ListRun; auditEntries: number; auditOk: boolean };

async function reference(target: ServerChild): Promise<string> {
  const res = await fetch(`${target.ready.url}${target.ready.path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...target.ready.headers },
    body: EMPLOYEES_BODY,
  });
  const body = await res.text();
  assertFullEmployeesPage(target.name, res.status, body);
  return body;
}

function load(target: ServerChild, connections: number, duration: number, expectBody?: string) {
  return autocannon({
    url: `${target.ready.url}${target.ready.path}`,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...target.ready.headers },
    body: EMPLOYEES_BODY,
    connections,
    duration,
    expectBody,
  });
}

async function auditCount(adminUrl: string, orgId: string): Promise<number> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    const { rows } = await c.query<{ n: string }>(
      `SELECT count(*) AS n FROM audit_log WHERE org_id = $1 AND action = 'query.employees' AND outcome = 'allowed'`,
      [orgId],
    );
    return Number(rows[0]!.n);
  } finally {
    await c.end();
  }
}

export async function runHoldingsListBench(o: {
  seconds: number;
  rounds: number;
  warmup: number;
  connections: number;
  log: (s: string) => void;
  /** BENCH_PROFILE: a sampling CPU profile of each Vigil slice goes here (slows Vigil: not figures). */
  profileDir?: string;
}): Promise<ListResult> {
  const profiles: string[] = [];
  o.log('  starting Vigil (fresh database, 60 employees) and the bare server ...');
  const vigil = await startServerChild({
    name: 'vigil',
    file: '../src/holdings/list/employees-vigil-server.ts',
    tsconfig: path.resolve(here, '../../../server/tsconfig.json'),
  });
  const bare = await startServerChild({
    name: 'bare',
    file: '../src/holdings/list/employees-bare-server.ts',
    tsconfig: path.resolve(here, '../../tsconfig.json'),
  });
  try {
    const servers = [vigil, bare];
    const bodies = new Map<ServerChild, string>();
    for (const s of servers) bodies.set(s, await reference(s));
    for (const s of servers) {
      o.log(`  warm-up ${s.name}: ${o.warmup} s at ${o.connections} connections`);
      await load(s, o.connections, o.warmup);
    }
    const auditBefore = await auditCount(vigil.ready.adminUrl!, vigil.ready.orgId!);
    const runs = new Map<ServerChild, ListRun[]>(servers.map((s) => [s, []]));
    const slice = Math.max(1, Math.round(o.seconds / o.rounds));
    for (let round = 0; round < o.rounds; round++) {
      for (const s of round % 2 === 0 ? servers : [...servers].reverse()) {
        const s0 = await s.stats();
        const stopProfile =
          o.profileDir && s === vigil
            ? s.profile(path.join(o.profileDir, `employees-${round}-${Date.now()}.cpuprofile`))
            : undefined;
        const r = await load(s, o.connections, slice, bodies.get(s));
        if (stopProfile) profiles.push(await stopProfile());
        const s1 = await s.stats();
        const completed = r.requests.total;
        const cpuMs = (s1.cpuUserUs + s1.cpuSystemUs - s0.cpuUserUs - s0.cpuSystemUs) / 1000;
        runs.get(s)!.push({
          server: s.name,
          completed,
          sent: r.requests.sent,
          seconds: r.duration,
          rps: completed / r.duration,
          p50: r.latency.p50,
          p99: r.latency.p99,
          bad: r.non2xx + r.mismatches + r.errors,
          serverCpuMsPerReq: completed ? cpuMs / completed : 0,
        });
        o.log(`  ${s.name} slice ${round + 1}/${o.rounds}: ${Math.round(completed / r.duration)} req/s`);
      }
    }
    // In-flight requests at a slice's end are still answered and audited.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const auditEntries = (await auditCount(vigil.ready.adminUrl!, vigil.ready.orgId!)) - auditBefore;
    for (const s of servers) for (let i = 0; i < 3; i++) await reference(s);
    const v = combine(runs.get(vigil)!);
    for (const file of profiles) {
      o.log(summarizeProfile(JSON.parse(await readFile(file, 'utf8')) as CpuProfile, path.basename(file)));
    }
    return {
      connections: o.connections,
      vigil: v,
      bare: combine(runs.get(bare)!),
      auditEntries,
      auditOk: auditEntries >= v.completed && auditEntries <= v.sent,
    };
  } finally {
    await Promise.all([vigil.stop(), bare.stop()]);
  }
}

function combine(slices: ListRun[]): ListRun {
  const sum = (f: (r: ListRun) => number) => slices.reduce((a, r) => a + f(r), 0);
  const completed = sum((r) => r.completed);
  const seconds = sum((r) => r.seconds);
  const p50s = slices.map((r) => r.p50).sort((a, b) => a - b);
  return {
    server: slices[0]!.server,
    completed,
    sent: sum((r) => r.sent),
    seconds,
    rps: completed / seconds,
    p50: p50s[Math.floor(p50s.length / 2)]!,
    p99: Math.max(...slices.map((r) => r.p99)),
    bad: sum((r) => r.bad),
    serverCpuMsPerReq: completed ? sum((r) => r.serverCpuMsPerReq * r.completed) / completed : 0,
  };
}
