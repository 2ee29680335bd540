import type { MikroORM } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { scopePreamble } from '@/lib/db/db-scope';
import { withRawClient } from '@/lib/db/raw-client';
import { computeEntryHash, GENESIS_HASH, type ChainedAuditEntry } from './audit-entry';
import { to as copyTo } from 'pg-copy-streams';
import { atIsoSql, entryFromCopyFields } from './audit-sql';
import { copyTextRows, copyTextValue, drainCopy } from './copy-text';

export type AuditChainerOptions = {
  intervalMs?: number;
  /** Inbox entries per chaining transaction at most. */
  batchSize?: number;
  onError?: (err: unknown) => void;
  /** Called after each non-empty batch (metrics, benchmarks). */
  onBatch?: (batch: ChainBatchReport) => void;
};

export type ChainBatchReport = { entries: number; worstDelayMs: number; durationMs: number };

export type AuditChainerStats = {
  entriesChained: number;
  batches: number;
  /** now − entry.at when chained, worst since start (ms). */
  worstDelayMs: number;
  /** The same, worst over the last minute (ms). */
  recentWorstDelayMs: number;
  /** The same, worst in the last non-empty batch (ms). */
  lastDelayMs: number;
  lastBatchSize: number;
};

// Chainers on all replicas take this lock per batch, so one batch at a time chains.
const CHAINER_LOCK_KEY = 7461002;
const RECENT_WINDOW_MS = 60_000;

// `entry.seq`, `prevHash` and `hash` are set as the chainer links the entry.
type InboxRow = { ctid: string; entry: ChainedAuditEntry; headSeq: string | null; headHash: string | null };

type Head = { seq: number; hash: string };
type SimpleResults<T extends pg.QueryResultRow> = Array<pg.QueryResult<T>>;

// Round trip 1 opens the transaction and takes the chainer lock; chainers of other replicas are
// excluded by it until commit. synchronous_commit = off: if the server crashes before this commit
// reaches disk, the whole chaining transaction is lost, inbox deletions included, and the next run
// chains the same entries in the same order to the same hashes. Writers' commits stay synchronous.
const openBatchSql = (preamble: string) => `BEGIN; ${preamble} SET LOCAL synchronous_commit = off;
  SELECT pg_try_advisory_xact_lock(${CHAINER_LOCK_KEY}) AS ok`;

// Round trip 2 streams the batch with each org's head (COPY: a chunk is decoded once, not field
// by field). An entry is taken only when every transaction with a lower xid has ended
// (xid < xmin of the snapshot): no entry can still appear below it, so (xid, id) is a total order
// the chain follows. The index on (xid, id) is the only access path: between vacuums the heap
// holds the dead rows of chained entries, which a walk of the index meets only as marked-dead
// index items.
const readBatchSql = (limit: number) => `COPY (
  SELECT i.ctid, i.org_id, ${atIsoSql('i.at')}, i.actor_type, i.actor_id, i.actor_role, i.system_source,
    i.action, i.resource_type, i.resource_id, i.deal_id, i.ip_address, i.outcome, i.details, h.seq, h.hash
  FROM audit_inbox i LEFT JOIN audit_chain_heads h ON h.org_id = i.org_id
  WHERE i.xid < pg_snapshot_xmin(pg_current_snapshot())
  ORDER BY i.xid, i.id LIMIT ${limit}) TO STDOUT`;

function inboxRow(f: string[]): InboxRow {
  if (!CTID.test(f[0]!) || !UUID.test(f[1]!)) throw new Error('audit chainer: unexpected inbox row');
  return {
    ctid: f[0]!,
    entry: entryFromCopyFields(f, f[1]!, 0, '', ''),
    headSeq: copyTextValue(f[14]!),
    headHash: copyTextValue(f[15]!),
  };
}

const CTID = /^\(\d+,\d+\)$/;
const HEX64 = /^[0-9a-f]{64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The batch in chain order, as parallel arrays: what round trip 3 sends back. */
type ChainedBatch = { ctids: string[]; seqs: number[]; prevHashes: string[]; hashes: string[] };

// Round trip 3 removes the batch from the inbox, inserts the removed rows into audit_log with the
// seqs and hashes computed here, and moves the heads: one simple-query message. Round trip 4
// commits once the count is right; a short count (no other writer can cause one: chainers exclude
// each other) rolls the whole batch back.
// - Only ctids, seqs and hashes travel back. The content comes from the DELETE's RETURNING, so
//   what is logged is exactly what was removed; inbox rows are never updated, so the ctids read in
//   round trip 2 still name the rows that were hashed.
// - The planner prices each TID look-up as a random page read and would rather hash-join a scan
//   of the whole inbox, dead rows included. The batch's rows sit in a few hot pages, so only
//   nested TID look-ups are allowed for this statement.
// - Every value is validated and built into array literals of safe characters.
function writeBatchSql(batch: ChainedBatch, heads: ReadonlyArray<{ orgId: string; seq: number; hash: string }>): string {
  // Hashes and seqs are computed here; the values that come from the database (ctids, org ids,
  // recorded head hashes) are checked where they are read (inboxRow, chain).
  const arr = (xs: readonly (string | number)[]) => `'{"${xs.join('","')}"}'`;
  return `SET LOCAL enable_seqscan = off; SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off;
  WITH
  batch AS (
    SELECT * FROM unnest(${arr(batch.ctids)}::tid[], ${arr(batch.seqs)}::bigint[],
      ${arr(batch.prevHashes)}::text[], ${arr(batch.hashes)}::text[])
      WITH ORDINALITY AS b(row_ctid, seq, prev_hash, hash, ord)),
  taken AS (
    DELETE FROM audit_inbox i USING batch b WHERE i.ctid = b.row_ctid
    RETURNING i.org_id, i.at, i.actor_type, i.actor_id, i.actor_role, i.system_source, i.action, i.resource_type,
      i.resource_id, i.deal_id, i.ip_address, i.outcome, i.details, b.seq, b.prev_hash, b.hash, b.ord),
  chained AS (
    INSERT INTO audit_log (org_id, seq, at, actor_type, actor_id, actor_role, system_source, action,
      resource_type, resource_id, deal_id, ip_address, outcome, details, prev_hash, hash)
    SELECT org_id, seq, at, actor_type, actor_id, actor_role, system_source, action,
      resource_type, resource_id, deal_id, ip_address, outcome, details, prev_hash, hash
    FROM taken ORDER BY ord
    RETURNING 1),
  heads AS (
    INSERT INTO audit_chain_heads (org_id, seq, hash, updated_at)
    SELECT org_id, seq, hash, now() FROM unnest(${arr(heads.map((h) => h.orgId))}::uuid[],
      ${arr(heads.map((h) => h.seq))}::bigint[], ${arr(heads.map((h) => h.hash))}::text[]) AS h(org_id, seq, hash)
    ON CONFLICT (org_id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, updated_at = excluded.updated_at
    RETURNING 1)
  SELECT (SELECT count(*) FROM chained)::int AS chained`;
}

/**
 * Moves finished inbox entries into audit_log: per-org gapless seq continuing from
 * audit_chain_heads, hashes computed here, insert + inbox delete + head update in one transaction
 * as vigil_system, in four round trips. Start one per process; replicas exclude each other with an
 * advisory lock.
 */
export class AuditChainer {
  private readonly intervalMs: number;
  private readonly batchSize: number;
  private readonly preamble = scopePreamble({ role: 'vigil_system', source: 'audit-chainer' });
  private tail: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private recent: Array<{ t: number; delayMs: number }> = [];
  private readonly counters: Omit<AuditChainerStats, 'recentWorstDelayMs'> = {
    entriesChained: 0,
    batches: 0,
    worstDelayMs: 0,
    lastDelayMs: 0,
    lastBatchSize: 0,
  };

  constructor(
    private readonly orm: MikroORM,
    private readonly options: AuditChainerOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 50;
    this.batchSize = options.batchSize ?? 5000;
  }

  get stats(): AuditChainerStats {
    const since = Date.now() - RECENT_WINDOW_MS;
    this.recent = this.recent.filter((r) => r.t >= since);
    const recentWorstDelayMs = this.recent.reduce((m, r) => Math.max(m, r.delayMs), 0);
    return { ...this.counters, recentWorstDelayMs };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  /** Stops the timer, then chains what is ready (bounded by `timeoutMs`). */
  async stop(timeoutMs = 5000): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.tail.catch(() => undefined);
    await this.drain(timeoutMs);
  }

  /** Chains one batch; returns how many entries it chained. Calls are serialized. */
  chainOnce(): Promise<number> {
    const run = this.tail.then(() => withRawClient(this.orm, (c) => this.chainBatch(c)));
    this.tail = run.catch(() => undefined);
    return run;
  }

  /**
   * Chains until the inbox is empty: entries of transactions still open are waited for, up to
   * `timeoutMs`. For tests, shutdown and benchmarks.
   */
  async drain(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const chained = await this.chainOnce();
      if (chained > 0) continue;
      if ((await this.inboxSize()) === 0) return;
      if (Date.now() > deadline) throw new Error('audit chainer: inbox did not drain in time');
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  waitUntilChained(timeoutMs?: number): Promise<void> {
    return this.drain(timeoutMs);
  }

  private schedule(delayMs: number): void {
    if (!this.running) return;
    this.timer = setTimeout(() => void this.tick(), delayMs);
  }

  // Catch up in full batches; the next tick is due one interval after this one began, so a slow
  // batch is not followed by a full interval of sleep on top.
  private async tick(): Promise<void> {
    const began = Date.now();
    try {
      while (this.running && (await this.chainOnce()) >= this.batchSize);
    } catch (err) {
      this.options.onError?.(err);
    }
    this.schedule(Math.max(0, this.intervalMs - (Date.now() - began)));
  }

  private async inboxSize(): Promise<number> {
    return withRawClient(this.orm, async (c) => {
      const res = (await c.query(`${this.preamble} SELECT count(*)::int AS n FROM audit_inbox`)) as unknown as SimpleResults<{
        n: number;
      }>;
      return res[res.length - 1]!.rows[0]!.n;
    });
  }

  private async chainBatch(client: pg.PoolClient): Promise<number> {
    const began = performance.now();
    const opened = (await client.query(openBatchSql(this.preamble))) as unknown as SimpleResults<{ ok: boolean }>;
    if (!opened[opened.length - 1]!.rows[0]!.ok) {
      await client.query('ROLLBACK');
      return 0;
    }
    const rows: InboxRow[] = [];
    const copy = client.query(copyTo(readBatchSql(this.batchSize)));
    try {
      for await (const batch of copyTextRows(copy)) for (const fields of batch) rows.push(inboxRow(fields));
    } finally {
      await drainCopy(copy);
    }
    if (rows.length === 0) {
      await client.query('COMMIT');
      return 0;
    }
    const { batch, heads, worstDelayMs } = this.chain(rows);
    const written = (await client.query(writeBatchSql(batch, heads))) as unknown as SimpleResults<{ chained: number }>;
    const chained = written.find((r) => r.command === 'SELECT')?.rows[0]?.chained;
    if (chained !== rows.length) throw new Error(`audit chainer: chained ${chained} of ${rows.length}`);
    await client.query('COMMIT');
    this.record(rows.length, worstDelayMs);
    this.options.onBatch?.({ entries: rows.length, worstDelayMs, durationMs: performance.now() - began });
    return rows.length;
  }

  private chain(rows: InboxRow[]) {
    const heads = new Map<string, Head>();
    let oldest = '';
    for (const { entry, headSeq, headHash } of rows) {
      if (headSeq !== null && headHash !== null && !heads.has(entry.orgId)) {
        if (!HEX64.test(headHash)) throw new Error('audit chainer: unexpected head hash');
        heads.set(entry.orgId, { seq: Number(headSeq), hash: headHash });
      }
      // Same-format ISO strings order as the instants they name.
      if (oldest === '' || entry.at < oldest) oldest = entry.at;
    }
    const batch: ChainedBatch = { ctids: [], seqs: [], prevHashes: [], hashes: [] };
    for (const { ctid, entry } of rows) {
      const head = heads.get(entry.orgId) ?? { seq: 0, hash: GENESIS_HASH };
      entry.seq = head.seq + 1;
      entry.prevHash = head.hash;
      entry.hash = computeEntryHash(head.hash, entry);
      heads.set(entry.orgId, { seq: entry.seq, hash: entry.hash });
      batch.ctids.push(ctid);
      batch.seqs.push(entry.seq);
      batch.prevHashes.push(entry.prevHash);
      batch.hashes.push(entry.hash);
    }
    const worstDelayMs = Date.now() - Date.parse(oldest);
    const touched = [...new Set(rows.map((r) => r.entry.orgId))];
    return { batch, heads: touched.map((orgId) => ({ orgId, ...heads.get(orgId)! })), worstDelayMs };
  }

  private record(count: number, delayMs: number): void {
    this.counters.entriesChained += count;
    this.counters.batches += 1;
    this.counters.lastBatchSize = count;
    this.counters.lastDelayMs = delayMs;
    this.counters.worstDelayMs = Math.max(this.counters.worstDelayMs, delayMs);
    const t = Date.now();
    this.recent.push({ t, delayMs });
    if (this.recent.length > 4096) this.recent = this.recent.filter((r) => r.t >= t - RECENT_WINDOW_MS);
  }
}
