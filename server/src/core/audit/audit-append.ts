import type { EntityManager } from '@mikro-orm/postgresql';
import type { PreparedStatement } from '@/lib/db/prepared-statement';
import { signedRecordsJson, type AuditEntryInput, type EntrySigner } from './audit-entry';
import { auditInsertSql } from './audit-sql';

/**
 * Appends entries, each signed by `signer`, inside the caller's transaction, which is already
 * scoped (vigil_user for the entries' org, or vigil_system): the entry commits or rolls back with
 * the state change it records. One statement whatever the number of entries. The chainer links
 * them once the transaction ends.
 */
export async function appendInTransaction(
  em: EntityManager,
  entries: readonly AuditEntryInput[],
  signer: EntrySigner,
): Promise<void> {
  if (entries.length === 0) return;
  const ctx = em.getTransactionContext();
  if (!ctx) throw new Error('appendInTransaction needs an open transaction (em.transactional)');
  await em.getConnection().execute(auditInsertSql('?'), [signedRecordsJson(entries, signer)], 'run', ctx);
}

/**
 * The same insert as a prepared statement (the entries as one JSON parameter), to travel in a
 * simple-query message with a read: see RequestDb.readResults. Planning it cost PostgreSQL about
 * as much as executing it, once per read.
 */
export const auditInsertStatement = (entries: readonly AuditEntryInput[], signer: EntrySigner): PreparedStatement => ({
  name: 'vigil_audit_append',
  types: ['json'],
  sql: auditInsertSql('$1'),
  params: [signedRecordsJson(entries, signer)],
});
