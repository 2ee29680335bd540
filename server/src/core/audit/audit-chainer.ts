import type { MikroORM } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { scopePreamble } from '@/lib/db/db-scope';
import { withRawClient } from '@/lib/db/raw-client';
import { computeEntryHash, GENESIS_HASH, type ChainedAuditEntry } from './audit-entry';
import { to as copyTo } from 'pg-copy-streams';
import {
  atIsoSql,
  CHAIN_CURSOR_SQL,
  cursorConditionSql,
  entryFromCopyFields,
  unlinkedCountSql,
  type ChainCursor,
} from './audit-sql';
import { copyTextRows, copyTextValue, drainCopy } from '@/lib/db/copy-text';

export type AuditChainerOptions = {
  intervalMs?: number;
  /** Entries linked per chaining transaction at most. */
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
type ContentRow = { xid: string; id: string; entry: ChainedAuditEntry; headSeq: string | null; headHash: string | null };

type Head = { seq: number; hash: string };
type SimpleResults<T extends pg.QueryResultRow> = Array<pg.QueryResult<T>>;

// Round trip 1 opens the transaction, takes the chainer lock (chainers of other replicas are
// excluded by it until commit) and reads the cursor, in a statement of its own so that its
// snapshot is taken once the lock is held. synchronous_commit = off: if the server crashes before
// this commit reaches disk, the whole batch of links is lost, and the next run links the same
// entries in the same order to the same hashes. Writers' commits stay synchronous.
const openBatchSql = (preamble: string) => `BEGIN; ${preamble} SET LOCAL synchronous_commit = off;
  SELECT pg_try_advisory_xact_lock(${CHAINER_LOCK_KEY}) AS ok; ${CHAIN_CURSOR_SQL}`;

// Round trip 2 streams the batch with each org's head (COPY: a chunk is decoded once, not field
// by field): the entries above the cursor, in (xid, id) order along the primary key. An entry is
// taken only when every transaction with a lower xid has ended (xid < xmin of the snapshot): no
// entry can still appear below it, so (xid, id) is a total order the chain follows. Field layout:
// org_id, xid, at … details (as entryFromCopyFields reads them), head seq, head hash, id.
const readBatchSql = (cursor: ChainCursor | null, limit: number) => `COPY (
  SELECT c.org_id, c.xid, ${atIsoSql('c.at')}, c.actor_type, c.actor_id, c.actor_role, c.system_source,
    c.action, c.resource_type, c.resource_id, c.deal_id, c.ip_address, c.outcome, c.details, h.seq, h.hash, c.id
  FROM audit_log c LEFT JOIN audit_chain_heads h ON h.org_id = c.org_id
  WHERE c.xid < pg_snapshot_xmin(pg_current_snapshot()) AND ${cursorConditionSql('>', cursor, 'c.')}
  ORDER BY c.xid, c.id LIMIT ${limit}) TO STDOUT`;

function contentRow(f: string[]): ContentRow {
  if (f.length !== 17 || !UUID.test(f[0]!) || !DIGITS.test(f[1]!) || !DIGITS.test(f[16]!)) {
    throw new Error('audit chainer: unexpected audit_log row');
  }
  return {
    xid: f[1]!,
    id: f[16]!,
    entry: entryFromCopyFields(f, f[0]!, 0, '', '', null),
    headSeq: copyTextValue(f[14]!),
    headHash: copyTextValue(f[15]!),
  };
}

const DIGITS = /^\d{1,20}$/;
const HEX64 = /^[0-9a-f]{64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The batch's links in chain order, as parallel arrays: what round trip 3 sends back. */
type Links = { orgIds: string[]; seqs: number[]; xids: string[]; ids: string[]; prevHashes: string[]; hashes: string[] };

// Round trip 3 appends the links, moves the heads and the cursor (to the batch's last entry) and
// commits: one simple-query message. Content never travels back, only keys, seqs and hashes;
// content rows are never updated, so the keys read in round trip 2 still name the content that was
// hashed. If a statement fails, the ones after it (the COMMIT included) do not run, and the caller
// rolls back.
// - Every value is validated: seqs and hashes are computed here, and the values from the database
//   (org ids, keys, recorded head hashes) are checked where they are read (contentRow, chain).
// - The shape is what PostgreSQL parses fastest. Array literals of 64-character hashes cost it
//   about 1 µs per element, so each column of hashes travels as one hex string, decoded once and
//   cut into 32-byte pieces; org ids travel as indexes into the batch's few distinct orgs.
function writeBatchSql(links: Links, heads: ReadonlyArray<{ orgId: string; seq: number; hash: string }>): string {
  const arr = (xs: readonly (string | number)[]) => `'{"${xs.join('","')}"}'`;
  const orgs = [...new Set(links.orgIds)];
  const orgIndex = new Map(orgs.map((o, i) => [o, i + 1]));
  const piece = (column: string) => `substring(${column}.bytes FROM b.n::int * 32 - 31 FOR 32)`;
  return `INSERT INTO audit_chain (org_id, seq, entry_xid, entry_id, prev_hash, hash)
    SELECT (${arr(orgs)}::uuid[])[b.org], b.seq, b.xid, b.id, ${piece('prev')}, ${piece('hash')}
    FROM unnest(${arr(links.orgIds.map((o) => orgIndex.get(o)!))}::int[], ${arr(links.seqs)}::bigint[],
        ${arr(links.xids)}::xid8[], ${arr(links.ids)}::bigint[]) WITH ORDINALITY AS b(org, seq, xid, id, n),
      (SELECT decode('${links.prevHashes.join('')}', 'hex') AS bytes) prev,
      (SELECT decode('${links.hashes.join('')}', 'hex') AS bytes) hash;
  INSERT INTO audit_chain_heads (org_id, seq, hash, updated_at)
    SELECT org_id, seq, hash, now() FROM unnest(${arr(heads.map((h) => h.orgId))}::uuid[],
      ${arr(heads.map((h) => h.seq))}::bigint[], ${arr(heads.map((h) => h.hash))}::text[]) AS h(org_id, seq, hash)
    ON CONFLICT (org_id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, updated_at = excluded.updated_at;
  INSERT INTO audit_chain_cursor (entry_xid, entry_id) VALUES ('${links.xids.at(-1)}', ${links.ids.at(-1)})
    ON CONFLICT (singleton) DO UPDATE SET entry_xid = excluded.entry_xid, entry_id = excluded.entry_id;
  COMMIT`;
}

/**
 * Links finished audit_log entries into their org's chain: per-org gapless seq continuing from
 * audit_chain_heads, hashes computed here, links + head update in one transaction as vigil_system,
 * in three round trips. Start one per process; replicas exclude each other with an advisory lock.
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
   * Chains until every entry is linked: entries of transactions still open are waited for, up to
   * `timeoutMs`. For tests, shutdown and benchmarks.
   */
  async drain(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const chained = await this.chainOnce();
      if (chained > 0) continue;
      if ((await this.unlinkedCount()) === 0) return;
      if (Date.now() > deadline) throw new Error('audit chainer: entries still unlinked after the timeout');
      await new Promise((r) => setTimeout(r, 5));
    }
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

  private async unlinkedCount(): Promise<number> {
    return withRawClient(this.orm, async (c) => {
      const res = (await c.query(`${this.preamble} ${unlinkedCountSql()}`)) as unknown as SimpleResults<{
        n: number;
      }>;
      return res[res.length - 1]!.rows[0]!.n;
    });
  }

  private async chainBatch(client: pg.PoolClient): Promise<number> {
    const began = performance.now();
    const opened = (await client.query(openBatchSql(this.preamble))) as unknown as pg.QueryResult[];
    const locked = opened[opened.length - 2]!.rows[0] as { ok: boolean };
    if (!locked.ok) {
      await client.query('ROLLBACK');
      return 0;
    }
    const cursor = (opened[opened.length - 1]!.rows[0] as ChainCursor | undefined) ?? null;
    const rows: ContentRow[] = [];
    const copy = client.query(copyTo(readBatchSql(cursor, this.batchSize)));
    try {
      for await (const batch of copyTextRows(copy)) for (const fields of batch) rows.push(contentRow(fields));
    } finally {
      await drainCopy(copy);
    }
    if (rows.length === 0) {
      await client.query('COMMIT');
      return 0;
    }
    const { links, heads, worstDelayMs } = this.chain(rows);
    await client.query(writeBatchSql(links, heads));
    this.record(rows.length, worstDelayMs);
    this.options.onBatch?.({ entries: rows.length, worstDelayMs, durationMs: performance.now() - began });
    return rows.length;
  }

  private chain(rows: ContentRow[]) {
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
    const links: Links = { orgIds: [], seqs: [], xids: [], ids: [], prevHashes: [], hashes: [] };
    for (const { xid, id, entry } of rows) {
      const head = heads.get(entry.orgId) ?? { seq: 0, hash: GENESIS_HASH };
      entry.seq = head.seq + 1;
      entry.prevHash = head.hash;
      entry.hash = computeEntryHash(head.hash, entry);
      heads.set(entry.orgId, { seq: entry.seq, hash: entry.hash });
      links.orgIds.push(entry.orgId);
      links.seqs.push(entry.seq);
      links.xids.push(xid);
      links.ids.push(id);
      links.prevHashes.push(entry.prevHash);
      links.hashes.push(entry.hash);
    }
    const worstDelayMs = Date.now() - Date.parse(oldest);
    const touched = [...new Set(links.orgIds)];
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
