import { pipeline } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { scopePreamble, type DbScope } from '@/lib/db/db-scope';
import { withRawClient, type RawClientSource } from '@/lib/db/raw-client';
import { auditFilterSql, type AuditFilter } from './audit-filter';
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
] as const;

export type AuditCsvOptions = {
  /** End `writable` when done (default true); false to write more after the CSV. */
  end?: boolean;
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
const neutralisedSql = (column: string) =>
  `CASE WHEN ascii(${column}) IN (${FORMULA_LEADS.join(', ')}) THEN '''' || ${column} ELSE ${column} END AS ${column}`;

function columnSql(column: (typeof AUDIT_CSV_COLUMNS)[number]): string {
  // `at` as the chain hashes it, so anyone can recompute the hashes from the file.
  if (column === 'at') return `${atIsoSql()} AS at`;
  return CLIENT_TEXT_COLUMNS.has(column) ? neutralisedSql(column) : column;
}

/** The COPY statement for a filter. Values are validated and inlined as escaped literals. */
export function auditCsvCopySql(filter: AuditFilter): string {
  const where = auditFilterSql(filter, (v) => pg.escapeLiteral(v));
  const columns = AUDIT_CSV_COLUMNS.map(columnSql).join(', ');
  return `COPY (SELECT ${columns} FROM audit_entries WHERE ${where.join(' AND ')} ORDER BY audit_entries.seq)
    TO STDOUT WITH (FORMAT csv, HEADER)`;
}

/**
 * Streams the org's audit_log as CSV into `writable`, oldest first, with backpressure: memory
 * stays flat whatever the size. The COPY runs in a read-only snapshot opened with the caller's
 * scope, so RLS binds it (a vigil_user needs audit:read; vigil_system must give filter.orgId).
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
  return withRawClient(source, async (client) => {
    await client.query(`BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY; ${scopePreamble(scope)} ${JOIN_LINKS_BY_KEY}`);
    const copy = client.query(copyTo(sql));
    try {
      await pipeline(copy, writable, { end: options.end ?? true });
    } catch (err) {
      // A COPY cut off mid-stream leaves the connection unusable: close it so the pool drops it.
      await client.end().catch(() => undefined);
      throw err;
    }
    await client.query('COMMIT');
    return copy.rowCount;
  });
}
