import { pipeline } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { scopePreamble, type DbScope } from '@/lib/db/db-scope';
import { abandonMidStatement, withRawClient, type RawClientSource } from '@/lib/db/raw-client';
import { auditFilterSql, type AuditFilter } from './audit-filter';
import { namesSql, personLookupsSql, WITH_ORG_PEOPLE_SQL } from './audit-people';
import { atIsoSql, JOIN_LINKS_BY_KEY } from './audit-sql';

export const AUDIT_CSV_COLUMNS = [
  'seq',
  'at',
  'actor_type',
  'actor_id',
  'actor_role',
  'system_source',
  'action',
  'resource_type',
  'resource_id',
  'deal_id',
  'ip_address',
  'outcome',
  'details',
  'prev_hash',
  'hash',
  // An Admin write's justification, from details, in a column of its own for reviewers.
  'justification',
  // Who acted and on whom, by name (issue 9, item 4): read at export time in the reader's org,
  // after the chain's columns so that their positions stay as they were. Not hashed.
  'actor_name',
  'actor_email',
  'resource_name',
] as const;

/** An export cut at its deadline (`timeoutMs`). */
export class AuditExportTimeout extends Error {
  constructor(timeoutMs: number) {
    super(`audit export cut after ${timeoutMs} ms`);
    this.name = 'AuditExportTimeout';
  }
}

export type AuditCsvOptions = {
  /** End `writable` when done (default true); false to write more after the CSV. */
  end?: boolean;
  /** Cuts the export (its reader went away or stopped reading): the statement ends with it. */
  signal?: AbortSignal;
  /**
   * The longest the export may run, ms: the COPY's statement_timeout, and a deadline after which
   * the export is cut here too — PostgreSQL cannot time out a backend blocked writing to a reader
   * that does not read.
   */
  timeoutMs?: number;
  /** Whether a cut export's statement can be cancelled (default true; not on the embedded database). */
  cancelable?: boolean;
};

/**
 * Text columns whose values a client chooses (an id argument, a role name, a forwarded address):
 * each is neutralised for spreadsheets. The others cannot begin a formula: numbers, `at`, hex
 * hashes, the enums actor_type and outcome, and details (a JSON object, so `{`).
 */
const CLIENT_TEXT_COLUMNS: ReadonlySet<string> = new Set([
  'actor_id',
  'actor_role',
  'system_source',
  'action',
  'resource_type',
  'resource_id',
  'deal_id',
  'ip_address',
] satisfies (typeof AUDIT_CSV_COLUMNS)[number][]);

// A spreadsheet takes a cell that begins with = + - @ tab or CR for a formula (OWASP, CSV
// injection): such a cell gets a ' in front. So does a cell that already begins with ', so that
// the rule undoes exactly: a cell beginning with ' had one added (README.md, "Hash").
const FORMULA_LEADS = ['=', '+', '-', '@', '\t', '\r', "'"].map((c) => c.charCodeAt(0));

/** `column`, neutralised, computed in the COPY's SELECT: the export stays one streaming statement. */
const neutralisedSql = (column: string, value = column) =>
  `CASE WHEN ascii(${value}) IN (${FORMULA_LEADS.join(', ')}) THEN '''' || ${value} ELSE ${value} END AS ${column}`;

// Names looked up in the org's people (audit-people.ts), computed once for the whole COPY. The
// lookups are columns of the inner SELECT (EXPORT_ROWS), so each runs once per row however many
// times the neutralising CASE reads its name.
const ENTRY_REFS = {
  actorType: 'actor_type',
  actorId: 'actor_id',
  actorRole: 'actor_role',
  resourceType: 'resource_type',
  resourceId: 'resource_id',
};
const LOOKUPS = personLookupsSql(ENTRY_REFS);
const NAMES = namesSql(ENTRY_REFS, { actorPerson: 'actor_person', resourcePerson: 'resource_person' });

function columnSql(column: (typeof AUDIT_CSV_COLUMNS)[number]): string {
  switch (column) {
    // `at` as the chain hashes it, so anyone can recompute the hashes from the file.
    case 'at':
      return `${atIsoSql()} AS at`;
    // Written by an Admin, or chosen by whoever named a user, a role or a key: client text.
    case 'justification':
      return neutralisedSql(column, `(details->>'justification')`);
    case 'actor_name':
      return neutralisedSql(column, `(${NAMES.actorName})`);
    case 'actor_email':
      return neutralisedSql(column, `(${NAMES.actorEmail})`);
    case 'resource_name':
      return neutralisedSql(column, `(${NAMES.resourceName})`);
    default:
      return CLIENT_TEXT_COLUMNS.has(column) ? neutralisedSql(column) : column;
  }
}

/**
 * The COPY statement for a filter. Values are validated and inlined as escaped literals. The
 * entries come from an inner SELECT (OFFSET 0 keeps the planner from merging it into the outer
 * one, which would repeat each lookup wherever its name is read), in seq order, which the outer
 * SELECT keeps without sorting again.
 */
export function auditCsvCopySql(filter: AuditFilter): string {
  const where = auditFilterSql(filter, (v) => pg.escapeLiteral(v));
  const columns = AUDIT_CSV_COLUMNS.map(columnSql).join(', ');
  const rows = `SELECT audit_entries.*, ${LOOKUPS.actorPerson} AS actor_person, ${LOOKUPS.resourcePerson} AS resource_person
    FROM audit_entries WHERE ${where.join(' AND ')} ORDER BY audit_entries.seq OFFSET 0`;
  return `COPY (${WITH_ORG_PEOPLE_SQL} SELECT ${columns} FROM (${rows}) audit_entries ORDER BY audit_entries.seq)
    TO STDOUT WITH (FORMAT csv, HEADER)`;
}

/**
 * Streams the org's audit_log as CSV into `writable`, oldest first, with backpressure: memory
 * stays flat whatever the size. The COPY runs in a read-only snapshot opened with the caller's
 * scope, so RLS binds it (a vigil_user needs audit:read; vigil_system must give filter.orgId).
 * Cut (`signal`, `timeoutMs`), it ends its statement and its connection before it rejects.
 * Resolves with the number of rows.
 */
export async function streamAuditCsv(
  source: RawClientSource,
  scope: DbScope,
  filter: AuditFilter,
  writable: Writable,
  options: AuditCsvOptions = {},
): Promise<number> {
  if (scope.role === 'vigil_system' && !filter.orgId) throw new Error('a system export must name its org');
  const sql = auditCsvCopySql(filter);
  const deadline = options.timeoutMs ? new AbortController() : undefined;
  const timer = deadline && setTimeout(() => deadline.abort(new AuditExportTimeout(options.timeoutMs!)), options.timeoutMs);
  const signal = AbortSignal.any([options.signal, deadline?.signal].filter((s): s is AbortSignal => s !== undefined));
  try {
    return await withRawClient(source, async (client) => {
      await openExportTransaction(client, scope, options.timeoutMs);
      signal.throwIfAborted();
      const copy = client.query(copyTo(sql));
      try {
        await pipeline(copy, writable, { end: options.end ?? true, signal });
      } catch (err) {
        // Cut mid-COPY, the connection is unusable and its backend may still be at work.
        await abandonMidStatement(client, { cancel: options.cancelable ?? true });
        throw deadline?.signal.aborted ? deadline.signal.reason : err;
      }
      await client.query('COMMIT');
      return copy.rowCount;
    });
  } finally {
    clearTimeout(timer);
  }
}

/** Opens the export's read-only snapshot under `scope`, in one round trip. */
async function openExportTransaction(client: pg.PoolClient, scope: DbScope, timeoutMs: number | undefined) {
  const timeout = timeoutMs ? `SET LOCAL statement_timeout = ${Math.ceil(timeoutMs)};` : '';
  await client.query(`BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY; ${scopePreamble(scope)} ${JOIN_LINKS_BY_KEY} ${timeout}`);
}
