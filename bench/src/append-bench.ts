import { randomBytes, randomUUID } from 'node:crypto';
import { parseKeyRing } from '@vigil/server/lib/crypto/key-ring';
import { createOrm } from '@vigil/server/lib/db/orm';
import { verifyOrgChain } from '@vigil/server/core/audit/audit-chain-reader';
import { AuditChainer, type ChainBatchReport } from '@vigil/server/core/audit/audit-chainer';
import { AuditEntryMac } from '@vigil/server/core/audit/audit-entry-mac';
import { createBenchDatabase, withAdmin, type BenchDatabase } from './databases';
import { runPgbench, type PgbenchRun } from './pgbench';
import { measureCeilings, signChain, type VerifyCeilings } from './verify-ceiling';

// (a) Audited appends per second at 32 concurrent writers, three designs on the same machine:
//   (i)   naive: each append locks the org's head row FOR UPDATE, hashes in SQL, inserts, commits
//   (ii)  plain INSERT into a table like audit_log (same indexes) with no chain at all
//   (iii) ours: INSERT into audit_log, with the writer's MAC, while the AuditChainer links entries
//         in the background

export type AppendBenchOptions = {
  /** Seconds of pgbench per design, split into `rounds` slices. */
  seconds: number;
  rounds: number;
  clients: number;
  log: (s: string) => void;
};

export type AppendBenchResult = {
  rounds: number;
  clients: number;
  seconds: number;
  naive: number;
  plain: number;
  audited: number;
  auditedEntries: number;
  drainMs: number;
  endToEnd: number;
  chained: number;
  chainBatches: number;
  worstDelayMs: number;
  /** Per-batch worst delay, percentiles over batches (ms). */
  delayP50Ms: number;
  delayP99Ms: number;
  batchP50Ms: number;
  batchMaxMs: number;
  verified: number;
  verifyMs: number;
  verifyValid: boolean;
  /** What verifying the same entries costs at the least, measured in the same run (verify-ceiling.ts). */
  ceilings: VerifyCeilings;
};

const COLUMNS = `org_id uuid NOT NULL, at timestamptz(3) NOT NULL, actor_type text NOT NULL, actor_id text,
  actor_role text, system_source text, action text NOT NULL, resource_type text, resource_id text,
  deal_id text, ip_address text, outcome text NOT NULL, details jsonb NOT NULL DEFAULT '{}'`;

const SETUP = `
CREATE TABLE bench_plain_log (id bigserial PRIMARY KEY, ${COLUMNS});
CREATE INDEX ON bench_plain_log (org_id, at);
CREATE INDEX ON bench_plain_log (org_id, actor_id);
CREATE INDEX ON bench_plain_log (org_id, resource_type);

CREATE TABLE bench_naive_log (id bigserial PRIMARY KEY, seq bigint NOT NULL, ${COLUMNS},
  prev_hash text NOT NULL, hash text NOT NULL, UNIQUE (org_id, seq));
CREATE INDEX ON bench_naive_log (org_id, at);
CREATE INDEX ON bench_naive_log (org_id, actor_id);
CREATE INDEX ON bench_naive_log (org_id, resource_type);
CREATE TABLE bench_naive_heads (org_id uuid PRIMARY KEY, seq bigint NOT NULL, hash text NOT NULL);

CREATE FUNCTION bench_naive_append(p_org uuid, p_actor text, p_resource text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  head record;
  entry jsonb;
  next_hash text;
BEGIN
  SELECT seq, hash INTO head FROM bench_naive_heads WHERE org_id = p_org FOR UPDATE;
  entry := jsonb_build_object('org_id', p_org, 'seq', head.seq + 1, 'at', now(), 'actor_type', 'user',
    'actor_id', p_actor, 'actor_role', 'Compliance', 'action', 'holdings.read', 'resource_type', 'employee',
    'resource_id', p_resource, 'ip_address', '198.51.100.4', 'outcome', 'allowed',
    'details', '{"page": 1, "fields": ["balance", "venue"]}'::jsonb);
  next_hash := encode(sha256(convert_to(head.hash || entry::text, 'UTF8')), 'hex');
  INSERT INTO bench_naive_log (org_id, seq, at, actor_type, actor_id, actor_role, action, resource_type,
    resource_id, ip_address, outcome, details, prev_hash, hash)
  VALUES (p_org, head.seq + 1, now(), 'user', p_actor, 'Compliance', 'holdings.read', 'employee',
    p_resource, '198.51.100.4', 'allowed', entry->'details', head.hash, next_hash);
  UPDATE bench_naive_heads SET seq = head.seq + 1, hash = next_hash WHERE org_id = p_org;
END
$$;
GRANT SELECT, INSERT, UPDATE ON bench_plain_log, bench_naive_log, bench_naive_heads TO vigil_system;
GRANT USAGE ON SEQUENCE bench_plain_log_id_seq, bench_naive_log_id_seq TO vigil_system;
`;

const VARS = `\\set actor random(1, 1000)\n\\set res random(1, 100000)\n`;
const VALUES = `(:org, now(), 'user', :actor, 'Compliance', 'holdings.read', 'employee', :res, '198.51.100.4', 'allowed', '{"page": 1, "fields": ["balance", "venue"]}')`;
const INSERT_COLUMNS = `(org_id, at, actor_type, actor_id, actor_role, action, resource_type, resource_id, ip_address, outcome, details)`;
const AUDITED_COLUMNS = `(org_id, at, actor_type, actor_id, actor_role, action, resource_type, resource_id, ip_address, outcome, details, mac)`;
// pgbench cannot compute a MAC per row: (iii) inserts a real MAC of another record (`-D mac=...`),
// of the real size, so the column's cost in PostgreSQL is measured; the entries get their own
// MACs before they are verified (signChain).
const AUDITED_VALUES = `${VALUES.slice(0, -1)}, :mac)`;

const SCRIPTS = {
  naive: `${VARS}SELECT bench_naive_append(:org, :actor, :res);\n`,
  plain: `${VARS}INSERT INTO bench_plain_log ${INSERT_COLUMNS} VALUES ${VALUES};\n`,
  audited: `${VARS}INSERT INTO audit_log ${AUDITED_COLUMNS} VALUES ${AUDITED_VALUES};\n`,
};

export async function runAppendBench(opts: AppendBenchOptions): Promise<AppendBenchResult> {
  const db = await createBenchDatabase();
  try {
    return await measure(db, opts);
  } finally {
    await db.drop();
  }
}

async function measure(db: BenchDatabase, opts: AppendBenchOptions) {
  // One org: every writer appends to the same chain, the case a per-org lock serializes.
  const org = randomUUID();
  const mac = new AuditEntryMac(parseKeyRing(`b1:${randomBytes(32).toString('base64')}`));
  const sampleMac = mac.sign('{"action":"holdings.read"', '}');
  await withAdmin(db, async (c) => {
    await c.query(SETUP);
    await c.query(`INSERT INTO bench_naive_heads VALUES ($1, 0, repeat('0', 64))`, [org]);
  });
  const checkpoint = () => withAdmin(db, (c) => c.query('CHECKPOINT'));
  const run = async (name: keyof typeof SCRIPTS) => {
    await checkpoint();
    const seconds = Math.max(1, Math.round(opts.seconds / opts.rounds));
    opts.log(`  pgbench ${name}: ${opts.clients} clients, ${seconds} s ...`);
    const r = await runPgbench(db, SCRIPTS[name], {
      clients: opts.clients,
      threads: 2,
      seconds,
      role: 'vigil_system',
      defines: { org, mac: sampleMac },
    });
    if (r.failed > 0 || !Number.isFinite(r.tps)) throw new Error(`pgbench ${name} failed:\n${r.output}`);
    return r;
  };

  const orm = await createOrm({ url: db.appUrl, poolMax: 4 });
  try {
    const batches: ChainBatchReport[] = [];
    const chainer = new AuditChainer(orm, {
      intervalMs: 50,
      onError: (e) => opts.log(`  chainer error: ${String(e)}`),
      onBatch: (b) => batches.push(b),
    });
    // The machine may be shared: phases alternate in short slices so that drifting background
    // load falls on all three alike. The chainer runs only during (iii) slices; each slice ends
    // when the chainer has linked every entry (stop() drains), and that drain time is reported.
    const totals = { naive: [] as PgbenchRun[], plain: [] as PgbenchRun[], audited: [] as PgbenchRun[] };
    let drainMs = 0;
    let drainTotalMs = 0;
    for (let round = 0; round < opts.rounds; round++) {
      totals.naive.push(await run('naive'));
      totals.plain.push(await run('plain'));
      chainer.start();
      totals.audited.push(await run('audited'));
      const drainStart = performance.now();
      await chainer.stop(120_000);
      drainMs = Math.max(drainMs, performance.now() - drainStart);
      drainTotalMs += performance.now() - drainStart;
    }
    const tps = (runs: PgbenchRun[]) => runs.reduce((t, r) => t + r.tps * r.seconds, 0) / runs.reduce((t, r) => t + r.seconds, 0);
    const auditedEntries = totals.audited.reduce((t, r) => t + r.transactions, 0);
    const auditedSeconds = totals.audited.reduce((t, r) => t + r.seconds, 0);
    const naive = { tps: tps(totals.naive) };
    const plain = { tps: tps(totals.plain) };
    const audited = { tps: tps(totals.audited), transactions: auditedEntries };
    const stats = chainer.stats;
    opts.log(`  signing the ${stats.entriesChained} entries pgbench wrote ...`);
    const signed = await signChain(db, orm, mac, org);
    opts.log(`  verifying ${stats.entriesChained} chained entries ...`);
    const v = await verifyOrgChain(orm, mac, org);
    opts.log('  measuring what verifying the same entries costs at the least ...');
    const ceilings = measureCeilings(signed, mac);
    const pct = (xs: number[], p: number) => xs.sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? 0;
    return {
      rounds: opts.rounds,
      clients: opts.clients,
      seconds: opts.seconds,
      naive: naive.tps,
      plain: plain.tps,
      audited: audited.tps,
      auditedEntries: audited.transactions,
      drainMs,
      endToEnd: auditedEntries / (auditedSeconds + drainTotalMs / 1000),
      chained: stats.entriesChained,
      chainBatches: stats.batches,
      worstDelayMs: stats.worstDelayMs,
      delayP50Ms: pct(
        batches.map((b) => b.worstDelayMs),
        0.5,
      ),
      delayP99Ms: pct(
        batches.map((b) => b.worstDelayMs),
        0.99,
      ),
      batchP50Ms: pct(
        batches.map((b) => b.durationMs),
        0.5,
      ),
      batchMaxMs: pct(
        batches.map((b) => b.durationMs),
        1,
      ),
      verified: v.checked,
      verifyMs: v.elapsedMs,
      verifyValid: v.valid && v.checked === audited.transactions,
      ceilings,
    };
  } finally {
    await orm.close(true);
  }
}
