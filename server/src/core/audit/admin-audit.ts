import type { EntityManager } from '@mikro-orm/postgresql';
import { entryRecordsJson, type AuditEntryInput } from './audit-entry';

/**
 * admin_audit_log: every Admin write again, with its written justification (R13). Inserted in
 * the request's transaction, so it commits with the write it describes. One statement for any
 * number of entries: MikroORM inlines `?` values and would expand a JS array into a list, so the
 * rows travel as one JSON array.
 */
export async function insertAdminAuditEntries(
  em: EntityManager,
  entries: readonly (AuditEntryInput & { justification: string })[],
): Promise<void> {
  if (entries.length === 0) return;
  const records = JSON.parse(entryRecordsJson(entries)) as Record<string, unknown>[];
  records.forEach((r, i) => (r.justification = entries[i]!.justification));
  await em.getConnection().execute(
    `INSERT INTO admin_audit_log (org_id, at, actor_id, actor_role, action, resource_type, resource_id,
       ip_address, details, justification)
     SELECT org_id, at, actor_id, actor_role, action, resource_type, resource_id, ip_address, details, justification
     FROM json_to_recordset(?::json) AS r(org_id uuid, at timestamptz, actor_id text, actor_role text,
       action text, resource_type text, resource_id text, ip_address text, details jsonb, justification text)`,
    [JSON.stringify(records)],
    'run',
    em.getTransactionContext(),
  );
}
