import type { EntityManager } from '@mikro-orm/postgresql';
import type pg from 'pg';
import type { ChainedAuditEntry } from './audit-entry';
import { auditFilterSql, type AuditFilter } from './audit-filter';
import { namesSql, peopleCteSql, personLookupsSql } from './audit-people';
import { CHAINED_ENTRY_COLUMNS, toChainedEntry, type ChainedEntryRow } from './audit-sql';

/** An entity manager inside the request's scoped transaction, or a raw client in one. */
export type AuditSqlTarget = EntityManager | pg.ClientBase;

/** An entry with the names of its actor and resource, read now in the reader's org (audit-people.ts). */
export type ListedAuditEntry = ChainedAuditEntry & {
  actorName: string | null;
  actorEmail: string | null;
  resourceName: string | null;
};

type ListedEntryRow = ChainedEntryRow & Pick<ListedAuditEntry, 'actorName' | 'actorEmail' | 'resourceName'>;

export type AuditPage = {
  entries: ListedAuditEntry[];
  hasNextPage: boolean;
  /** Pass back as `afterSeq` for the next (older) page. */
  endCursor: number | null;
};

const MAX_AUDIT_PAGE = 500;

async function query<T>(target: AuditSqlTarget, sql: string, params: unknown[]): Promise<T[]> {
  if ('getConnection' in target) {
    const ctx = target.getTransactionContext();
    return target.getConnection().execute<T[]>(sql, params, 'all', ctx);
  }
  let n = 0;
  const res = await target.query(
    sql.replace(/\?/g, () => `$${++n}`),
    params,
  );
  return res.rows as T[];
}

// The page's names in the same statement: one lookup of the page's actors and resources (at most
// 2 × 501 ids), never one per row.
const PAGE_REFS = {
  actorType: 'page."actorType"',
  actorId: 'page."actorId"',
  actorRole: 'page."actorRole"',
  resourceType: 'page."resourceType"',
  resourceId: 'page."resourceId"',
};
const NAMES = namesSql(PAGE_REFS, personLookupsSql(PAGE_REFS));
const PAGE_PEOPLE = peopleCteSql('audit_people_of(ARRAY(SELECT "actorId" FROM page UNION SELECT "resourceId" FROM page))');

/**
 * Newest first, keyset on seq, each entry with its actor's and resource's names. Run it inside
 * the request's vigil_user scope: RLS limits the rows to the org and to holders of audit:read,
 * whatever the filter says, and the names come from the reader's org only (migration 0016).
 */
export async function listAuditEntries(
  target: AuditSqlTarget,
  filter: AuditFilter,
  first: number,
  afterSeq?: number | null,
): Promise<AuditPage> {
  const limit = Math.min(Math.max(Math.trunc(first), 1), MAX_AUDIT_PAGE);
  const params: unknown[] = [];
  const bind = (v: unknown) => {
    params.push(v);
    return '?';
  };
  const where = auditFilterSql(filter, bind);
  if (afterSeq != null) where.push(`seq < ${bind(String(Math.trunc(afterSeq)))}::bigint`);
  const sql = `WITH page AS MATERIALIZED (
      SELECT ${CHAINED_ENTRY_COLUMNS} FROM audit_entries WHERE ${where.join(' AND ')}
      ORDER BY audit_entries.seq DESC LIMIT ${limit + 1}
    ), ${PAGE_PEOPLE}
    SELECT page.*, ${NAMES.actorName} AS "actorName", ${NAMES.actorEmail} AS "actorEmail",
      ${NAMES.resourceName} AS "resourceName"
    FROM page ORDER BY page.seq::bigint DESC`;
  const rows = await query<ListedEntryRow>(target, sql, params);
  const entries = rows.slice(0, limit).map((row) => {
    const { actorName, actorEmail, resourceName, ...entry } = row;
    return { ...toChainedEntry(entry), actorName, actorEmail, resourceName };
  });
  return {
    entries,
    hasNextPage: rows.length > limit,
    endCursor: entries.length > 0 ? entries[entries.length - 1]!.seq : null,
  };
}
