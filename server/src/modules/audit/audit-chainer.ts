import type { MikroORM } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { scopePreamble } from '@/lib/db/db-scope';
import { withRawClient } from '@/lib/db/raw-client';
import { computeEntryHash, GENESIS_HASH } from './audit-entry';
import { to as copyTo } from 'pg-copy-streams';
import { atIsoSql, entryBodyFromCopyFields, type EntryBody } from './audit-sql';
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

type InboxRow = EntryBody & { ctid: string; orgId: string; headSeq: string | null; headHash: string | null };

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
// the chain follows.
const readBatchSql = (limit: number) => `COPY (
  SELECT i.ctid, i.org_id, ${atIsoSql('i.at')}, i.actor_type, i.actor_id, i.actor_role, i.system_source,
    i.action, i.resource_type, i.resource_id, i.deal_id, i.ip_address, i.outcome, i.details, h.seq, h.hash
  FROM (SELECT ctid AS row_ctid, xid, id FROM audit_inbox
        WHERE xid < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY xid, id LIMIT ${limit}) AS next
  JOIN audit_inbox i ON i.ctid = next.row_ctid
  LEFT JOIN audit_chain_heads h ON h.org_id = i.org_id
  ORDER BY next.xid, next.id) TO STDOUT`;

function inboxRow(f: string[]): InboxRow {
  if (!CTID.test(f[0]!) || !UUID.test(f[1]!)) throw new Error('audit chainer: unexpected inbox row');
  return {
    ctid: f[0]!,
    orgId: f[1]!,
    ...entryBodyFromCopyFields(f),
    headSeq: copyTextValue(f[14]!),
    headHash: copyTextValue(f[15]!),
  };
}

const CTID = /^\(\d+,\d+\)$/;
const HEX64 = /^[0-9a-f]{64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type ChainedLink = { ctid: string; seq: number; prevHash: string; hash: string };

// Round trip 3 copies the entries from the inbox into audit_log with the seq and hashes computed
// here, removes them from the inbox, moves the heads, and commits: one simple-query message. Only
// ctids, seqs and hashes travel back: the content is copied inside PostgreSQL from the same rows
// that were hashed (inbox rows are never updated, so the ctids read in round trip 2 still name
// them; all parts of the statement share one snapshot, so the DELETE does not hide them from the
// INSERT). Every value is validated and built into array literals of safe characters.
function writeBatchSql(links: readonly ChainedLink[], heads: ReadonlyArray<{ orgId: string; seq: number; hash: string }>): string {
  // Hashes and seqs are computed here; the values that come from the database (ctids, org ids,
  // recorded head hashes) are checked where they are read (inboxRow, chain).
  const arr = (xs: readonly (string | number)[]) => `'{${xs.map((x) => `"${x}"`).join(',')}}'`;
  return `WITH
  batch AS (
    SELECT * FROM unnest(${arr(links.map((l) => l.ctid))}::tid[], ${arr(links.map((l) => l.seq))}::bigint[],
      ${arr(links.map((l) => l.prevHash))}::text[], ${arr(links.map((l) => l.hash))}::text[])
      WITH ORDINALITY AS b(row_ctid, seq, prev_hash, hash, ord)),
  chained AS (
    INSERT INTO audit_log (org_id, seq, at, actor_type, actor_id, actor_role, system_source, action,
      resource_type, resource_id, deal_id, ip_address, outcome, details, prev_hash, hash)
    SELECT i.org_id, b.seq, i.at, i.actor_type, i.actor_id, i.actor_role, i.system_source, i.action,
      i.resource_type, i.resource_id, i.deal_id, i.ip_address, i.outcome, i.details, b.prev_hash, b.hash
    FROM batch b JOIN audit_inbox i ON i.ctid = b.row_ctid ORDER BY b.ord
    RETURNING 1),
  taken AS (DELETE FROM audit_inbox WHERE ctid = ANY (${arr(links.map((l) => l.ctid))}::tid[]) RETURNING 1),
  heads AS (
    INSERT INTO audit_chain_heads (org_id, seq, hash, updated_at)
    SELECT org_id, seq, hash, now() FROM unnest(${arr(heads.map((h) => h.orgId))}::uuid[],
      ${arr(heads.map((h) => h.seq))}::bigint[], ${arr(heads.map((h) => h.hash))}::text[]) AS h(org_id, seq, hash)
    ON CONFLICT (org_id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, updated_at = excluded.updated_at
    RETURNING 1)
  SELECT (SELECT count(*) FROM chained)::int AS chained, (SELECT count(*) FROM taken)::int AS taken;
  COMMIT`;
}

/**
 * Moves finished inbox entries into audit_log: per-org gapless seq continuing from
 * audit_chain_heads, hashes computed here, insert + inbox delete + head update in one transaction
 * as vigil_system, in three round trips. Start one per process; replicas exclude each other with an
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
    const { links, heads, worstDelayMs } = this.chain(rows);
    const written = (await client.query(writeBatchSql(links, heads))) as unknown as SimpleResults<{
      chained: number;
      taken: number;
    }>;
    const counts = written.find((r) => r.command === 'SELECT')?.rows[0];
    if (counts?.chained !== rows.length || counts.taken !== rows.length) {
      throw new Error(`audit chainer: chained ${counts?.chained}, took ${counts?.taken} of ${rows.length}`);
    }
    this.record(rows.length, worstDelayMs);
    this.options.onBatch?.({ entries: rows.length, worstDelayMs, durationMs: performance.now() - began });
    return rows.length;
  }

  private chain(rows: InboxRow[]) {
    const now = Date.now();
    let worstDelayMs = 0;
    const heads = new Map<string, Head>();
    let oldest = '';
    for (const r of rows) {
      if (r.headSeq !== null && r.headHash !== null && !heads.has(r.orgId)) {
        if (!HEX64.test(r.headHash)) throw new Error('audit chainer: unexpected head hash');
        heads.set(r.orgId, { seq: Number(r.headSeq), hash: r.headHash });
      }
      // Same-format ISO strings order as the instants they name.
      if (oldest === '' || r.at < oldest) oldest = r.at;
    }
    const links = rows.map((row): ChainedLink => {
      const head = heads.get(row.orgId) ?? { seq: 0, hash: GENESIS_HASH };
      const seq = head.seq + 1;
      const hash = computeEntryHash(head.hash, { ...row, seq });
      heads.set(row.orgId, { seq, hash });
      return { ctid: row.ctid, seq, prevHash: head.hash, hash };
    });
    worstDelayMs = now - Date.parse(oldest);
    const touched = [...new Set(rows.map((r) => r.orgId))];
    return { links, heads: touched.map((orgId) => ({ orgId, ...heads.get(orgId)! })), worstDelayMs };
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
