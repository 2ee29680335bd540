import type { AuditActorType, AuditOutcome, ChainedAuditEntry } from './audit-entry';
import { copyTextValue } from '@/lib/db/copy-text';
import { isoTimestampSql } from '@/lib/db/iso-timestamp-sql';

// SQL shared by the chainer, the verifier, listing and export.

/**
 * `at` rendered as JS `toISOString()` renders it (UTC, milliseconds, "Z"). The chainer hashes this
 * text and the verifier re-reads it, so the session's TimeZone and DateStyle never matter.
 */
export const atIsoSql = (column = 'at') => isoTimestampSql(column);

/** The audit_log columns a writer sets; xid and id come from defaults (column grants enforce it). */
export const ENTRY_RECORD_COLUMNS = `org_id uuid, at timestamptz, actor_type audit_actor_type, actor_id text,
  actor_role text, system_source text, action text, resource_type text, resource_id text,
  deal_id text, ip_address text, outcome audit_outcome, details jsonb, mac text`;

const ENTRY_COLUMN_LIST = `org_id, at, actor_type, actor_id, actor_role, system_source, action,
  resource_type, resource_id, deal_id, ip_address, outcome, details, mac`;

/** One INSERT for any number of entries: `placeholder` is a JSON array from `signedRecordsJson`. */
export const auditInsertSql = (placeholder: string) =>
  `INSERT INTO audit_log (${ENTRY_COLUMN_LIST})
   SELECT ${ENTRY_COLUMN_LIST} FROM json_to_recordset(${placeholder}::json) AS r(${ENTRY_RECORD_COLUMNS})`;

/**
 * The chainer's cursor, the last linked entry: every entry at or below it in (xid, id) order is
 * linked, every entry above it is not yet. No row before the first link.
 */
export const CHAIN_CURSOR_SQL = 'SELECT entry_xid::text AS xid, entry_id::text AS id FROM audit_chain_cursor';

export type ChainCursor = { xid: string; id: string };

const DIGITS = /^\d{1,20}$/;

/**
 * `(xid, id) <op> cursor` with the cursor inlined as literals: the planner then sees how narrow the
 * range is and walks audit_log's primary key from it. Null cursor: nothing is linked yet.
 */
export function cursorConditionSql(op: '>' | '<=', cursor: ChainCursor | null, alias = ''): string {
  if (!cursor) return op === '>' ? 'true' : 'false';
  if (!DIGITS.test(cursor.xid) || !DIGITS.test(cursor.id)) throw new Error('audit chain: unexpected cursor');
  return `(${alias}xid, ${alias}id) ${op} ('${cursor.xid}'::xid8, ${cursor.id}::bigint)`;
}

// One column of the cursor row; no row before the first link, hence the coalesce to below any entry.
const cursorPartSql = (column: 'entry_xid' | 'entry_id', floor: string) =>
  `coalesce((SELECT ${column} FROM audit_chain_cursor), ${floor})`;

/**
 * Entries not linked yet (above the cursor), optionally of one org: a range of audit_log's
 * primary key, whose bounds are two one-row InitPlans.
 */
export const unlinkedCountSql = (orgCondition = 'true') => `SELECT count(*)::int AS n FROM audit_log c
  WHERE ${orgCondition} AND (c.xid, c.id) > (${cursorPartSql('entry_xid', "'0'::xid8")}, ${cursorPartSql('entry_id', '0')})`;

/**
 * For a transaction that streams a whole chain from audit_entries: each link finds its entry by
 * key, a nested loop along the chain's (org_id, seq) index (or from a filter's index), so rows
 * flow from the first one. Left to itself the planner hashed both tables of the org, spilled to
 * disk and sorted by seq before the first row: a 1M-row CSV export ran at 188k rows/s, against
 * 256k by key. Parallel workers only contend for this machine's two cores.
 */
export const JOIN_LINKS_BY_KEY =
  'SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off; SET LOCAL max_parallel_workers_per_gather = 0;';

/**
 * One org's chained entries from seq `fromSeq`, as audit_entries shows them, each link's content
 * fetched by its key whatever the planner believes: the lookup is a subquery it cannot flatten, so
 * it is always audit_log's primary key, once per link. Through the view, the planner joins by key
 * only while its statistics are current: after a bulk of new entries and before autovacuum's
 * ANALYZE it estimated a few dozen rows for the org and re-scanned all of the org's content for
 * every link (measured: 20k entries, 11 links read in 123 ms against 0.1 ms by key; a 200k-entry
 * chain did not finish in 30 s). Select CHAINED_ENTRY_COLUMNS from it, ordered by `audit_entries.seq`.
 */
export function chainedEntriesByKeySql(orgId: string, fromSeq: number): string {
  if (!UUID.test(orgId) || !Number.isSafeInteger(fromSeq)) throw new Error('audit chain: unexpected org or seq');
  return `(SELECT l.org_id, l.seq, c.at, c.actor_type, c.actor_id, c.actor_role, c.system_source, c.action,
      c.resource_type, c.resource_id, c.deal_id, c.ip_address, c.outcome, c.details,
      encode(l.prev_hash, 'hex') AS prev_hash, encode(l.hash, 'hex') AS hash, c.mac
    FROM audit_chain l CROSS JOIN LATERAL (
      SELECT * FROM audit_log c WHERE c.xid = l.entry_xid AND c.id = l.entry_id AND c.org_id = l.org_id OFFSET 0) c
    WHERE l.org_id = '${orgId}' AND l.seq >= ${fromSeq}) audit_entries`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Columns of a chained entry, aliased to ChainedAuditEntry's keys (seq arrives as text). */
export const CHAINED_ENTRY_COLUMNS = `org_id AS "orgId", seq::text AS seq, ${atIsoSql()} AS at,
  actor_type AS "actorType", actor_id AS "actorId", actor_role AS "actorRole",
  system_source AS "systemSource", action, resource_type AS "resourceType",
  resource_id AS "resourceId", deal_id AS "dealId", ip_address AS "ipAddress", outcome, details,
  prev_hash AS "prevHash", hash, mac`;

export type ChainedEntryRow = Omit<ChainedAuditEntry, 'seq'> & { seq: string };

/**
 * An entry from fields 2–13 of a COPY text row, `at` through `details`, in the column order both
 * the chainer's batch (org_id, xid, at, …, details, head seq, head hash, id) and CHAINED_ENTRY_COLUMNS
 * (org_id, seq, at, …, details, prev_hash, hash, mac) use; the caller supplies org, seq, hashes
 * and MAC (the chainer, which does not check MACs, none).
 * Built as one object literal of one shape for chainer and verifier alike: the hashing code then
 * sees a single shape, and a spread copy per entry (which halved the verifier's rate) is avoided.
 */
export function entryFromCopyFields(
  f: string[],
  orgId: string,
  seq: number,
  prevHash: string,
  hash: string,
  mac: string | null,
): ChainedAuditEntry {
  const v = copyTextValue;
  return {
    orgId,
    seq,
    at: f[2]!,
    actorType: f[3] as AuditActorType,
    actorId: v(f[4]!),
    actorRole: v(f[5]!),
    systemSource: v(f[6]!),
    action: v(f[7]!)!,
    resourceType: v(f[8]!),
    resourceId: v(f[9]!),
    dealId: v(f[10]!),
    ipAddress: v(f[11]!),
    outcome: f[12] as AuditOutcome,
    details: JSON.parse(v(f[13]!)!) as Record<string, unknown>,
    prevHash,
    hash,
    mac,
  };
}

/** A row of CHAINED_ENTRY_COLUMNS read from COPY text format (see copy-text.ts). */
export function chainedEntryFromCopyFields(f: string[]): ChainedAuditEntry {
  if (f.length !== 17) throw new Error(`audit_log COPY row has ${f.length} fields`);
  return entryFromCopyFields(f, f[0]!, Number(f[1]), copyTextValue(f[14]!)!, copyTextValue(f[15]!)!, copyTextValue(f[16]!));
}

export const toChainedEntry = (row: ChainedEntryRow): ChainedAuditEntry => {
  row.actorType satisfies AuditActorType;
  row.outcome satisfies AuditOutcome;
  return { ...row, seq: Number(row.seq) };
};
