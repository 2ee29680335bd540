import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import type { ServerChild } from './child';
import { cpuMsOf, machineBusyMs } from './proc-cpu';

// Vigil against a bare server on one GraphQL operation, the way every request bench measures it
// (the users list, the employees list): a checked reference body per server, every response under
// load compared with it byte for byte (autocannon's expectBody), the servers taking turns in short
// slices in alternating order (the host's speed drifts: drift falls on both alike), the CPU of the
// server, of PostgreSQL, of Redis and of the whole machine per slice, and Vigil's audit entries
// for the operation counted around each slice.

/** The operation both servers answer: the same request body, and what a full answer looks like. */
export type ComparedOperation = {
  body: string;
  /** Throws unless `body` is a full, correct answer. */
  check(server: string, status: number, body: string): void;
  /** The audit action one answered request leaves on Vigil (`query.users`). */
  auditAction: string;
};

export type ServerRun = {
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
  /** The kernel's share of serverCpuMsPerReq (socket reads and writes). */
  serverSystemMsPerReq: number;
  /** This machine's PostgreSQL processes (backends, WAL writer, ...), per answered request. */
  postgresCpuMsPerReq: number;
  redisCpuMsPerReq: number;
  /** Both cores, everything on the machine (the load generator too), per answered request. */
  machineBusyMsPerReq: number;
  machineBusyPct: number;
  /** Entries of the operation's audit action the slices left (servers that audit only). */
  auditEntries?: number;
};

function load(target: ServerChild, op: ComparedOperation, connections: number, duration: number, expectBody?: string) {
  return autocannon({
    url: `${target.ready.url}${target.ready.path}`,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...target.ready.headers },
    body: op.body,
    connections,
    duration,
    expectBody,
  });
}

/** One response, checked in full; every later response must equal it byte for byte. */
export async function referenceBody(target: ServerChild, op: ComparedOperation): Promise<string> {
  const res = await fetch(`${target.ready.url}${target.ready.path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...target.ready.headers },
    body: op.body,
  });
  const body = await res.text();
  op.check(target.name, res.status, body);
  return body;
}

async function auditCount(adminUrl: string, orgId: string, action: string): Promise<number> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    // Linked into the chain or not yet, an entry is one row of audit_log.
    const { rows } = await c.query<{ n: string }>(
      `SELECT count(*) AS n FROM audit_log WHERE org_id = $1 AND action = $2 AND outcome = 'allowed'`,
      [orgId, action],
    );
    return Number(rows[0]!.n);
  } finally {
    await c.end();
  }
}

/** Each server's checked reference body, then `seconds` of warm-up load on each. */
export async function referencesAfterWarmUp(
  servers: ServerChild[],
  op: ComparedOperation,
  connections: number,
  seconds: number,
  log: (s: string) => void,
): Promise<Map<ServerChild, string>> {
  const bodies = new Map<ServerChild, string>();
  for (const s of servers) bodies.set(s, await referenceBody(s, op));
  for (const s of servers) {
    log(`  warm-up ${s.name}: ${seconds} s at ${connections} connections`);
    await load(s, op, connections, seconds);
  }
  return bodies;
}

/** One slice of load on one server. `profileTo`: a CPU profile of the server during it. */
async function measureSlice(
  target: ServerChild,
  op: ComparedOperation,
  connections: number,
  duration: number,
  expectBody: string,
  profileTo?: string,
): Promise<{ run: ServerRun; profile?: string }> {
  const audited =
    target.ready.adminUrl && target.ready.orgId ? { url: target.ready.adminUrl, org: target.ready.orgId } : undefined;
  const auditBefore = audited ? await auditCount(audited.url, audited.org, op.auditAction) : 0;
  const [s0, p0, m0] = [await target.stats(), await cpuMsOf(['postgres', 'redis-server']), machineBusyMs()];
  const stopProfile = profileTo ? target.profile(profileTo) : undefined;
  const r = await load(target, op, connections, duration, expectBody);
  const profile = stopProfile ? await stopProfile() : undefined;
  const [s1, p1, m1] = [await target.stats(), await cpuMsOf(['postgres', 'redis-server']), machineBusyMs()];
  const completed = r.requests.total;
  const perReq = (ms: number) => (completed ? ms / completed : 0);
  let auditEntries: number | undefined;
  if (audited) {
    // Requests still in flight when autocannon stopped finish on the server and are audited too.
    await new Promise((resolve) => setTimeout(resolve, 500));
    auditEntries = (await auditCount(audited.url, audited.org, op.auditAction)) - auditBefore;
  }
  const run: ServerRun = {
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
    serverSystemMsPerReq: perReq((s1.cpuSystemUs - s0.cpuSystemUs) / 1000),
    postgresCpuMsPerReq: perReq(p1.postgres! - p0.postgres!),
    redisCpuMsPerReq: perReq(p1['redis-server']! - p0['redis-server']!),
    machineBusyMsPerReq: perReq(m1 - m0),
    machineBusyPct: ((m1 - m0) / (r.duration * 1000 * os.cpus().length)) * 100,
    auditEntries,
  };
  return { run, profile };
}

/** One run from its slices: totals summed, per-request CPU weighted by requests, p50 the median
 * of the slices' p50s and p99 the worst slice's p99. */
export function combineSlices(slices: ServerRun[]): ServerRun {
  const sum = (f: (r: ServerRun) => number) => slices.reduce((a, r) => a + f(r), 0);
  const completed = sum((r) => r.completed);
  const seconds = sum((r) => r.seconds);
  const perReq = (f: (r: ServerRun) => number) => (completed ? sum((r) => f(r) * r.completed) / completed : 0);
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
    serverSystemMsPerReq: perReq((r) => r.serverSystemMsPerReq),
    postgresCpuMsPerReq: perReq((r) => r.postgresCpuMsPerReq),
    redisCpuMsPerReq: perReq((r) => r.redisCpuMsPerReq),
    machineBusyMsPerReq: perReq((r) => r.machineBusyMsPerReq),
    machineBusyPct: sum((r) => r.machineBusyPct * r.seconds) / seconds,
    auditEntries: audited ? sum((r) => r.auditEntries!) : undefined,
  };
}

/** Every response counted and correct, and (on a server that audits) one entry per request. */
export const runIsCorrect = (r: ServerRun): boolean =>
  r.non2xx + r.mismatches + r.errors === 0 &&
  // In-flight requests at a slice's end: sent but not counted as completed, still answered and audited.
  (r.auditEntries === undefined || (r.auditEntries >= r.completed && r.auditEntries <= r.sent));

/**
 * The servers under the same load, `seconds` each at `connections`, in `rounds` alternating
 * slices. `bodies`: each server's reference body. `profileDir`: a CPU profile of every slice.
 */
export async function compareInSlices(o: {
  servers: ServerChild[];
  op: ComparedOperation;
  bodies: Map<ServerChild, string>;
  connections: number;
  seconds: number;
  rounds: number;
  profileDir?: string;
  profileLabel: string;
  log: (s: string) => void;
}): Promise<{ runs: ServerRun[]; profiles: string[] }> {
  const sliceSeconds = Math.max(1, Math.round(o.seconds / o.rounds));
  const slices = new Map<ServerChild, ServerRun[]>(o.servers.map((s) => [s, []]));
  const profiles: string[] = [];
  for (let round = 0; round < o.rounds; round++) {
    for (const s of round % 2 === 0 ? o.servers : [...o.servers].reverse()) {
      const profileTo = o.profileDir
        ? path.join(o.profileDir, `${o.profileLabel}-${s.name}-${o.connections}c-${round}-${Date.now()}.cpuprofile`)
        : undefined;
      const { run, profile } = await measureSlice(s, o.op, o.connections, sliceSeconds, o.bodies.get(s)!, profileTo);
      if (profile) profiles.push(profile);
      slices.get(s)!.push(run);
      o.log(
        `  ${s.name} at ${o.connections} connections, slice ${round + 1}/${o.rounds}: ${Math.round(run.rps)} req/s, server CPU ${run.serverCpuMsPerReq.toFixed(2)} ms/req`,
      );
    }
  }
  return { runs: o.servers.map((s) => combineSlices(slices.get(s)!)), profiles };
}
