import type { EntityManager } from '@mikro-orm/postgresql';
import type pg from 'pg';
import type { ChainedAuditEntry } from './audit-entry';
import { auditFilterSql, type AuditFilter } from './audit-filter';
import { CHAINED_ENTRY_COLUMNS, toChainedEntry, type ChainedEntryRow } from './audit-sql';

/** An entity manager inside the request's scoped transaction, or a raw client in one. */
export type AuditSqlTarget = EntityManager | pg.ClientBase;

export type AuditPage = {
  entries: ChainedAuditEntry[];
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

/**
 * Newest first, keyset on seq. Run it inside the request's vigil_user scope: RLS limits the rows
 * to the org and to holders of audit:read, whatever the filter says.
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
  const sql = `SELECT ${CHAINED_ENTRY_COLUMNS} FROM audit_entries WHERE ${where.join(' AND ')}
    ORDER BY audit_entries.seq DESC LIMIT ${limit + 1}`;
  const rows = await query<ChainedEntryRow>(target, sql, params);
  const entries = rows.slice(0, limit).map(toChainedEntry);
  return {
    entries,
    hasNextPage: rows.length > limit,
    endCursor: entries.length > 0 ? entries[entries.length - 1]!.seq : null,
  };
}
