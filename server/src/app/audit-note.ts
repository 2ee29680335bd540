import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What one root field did, for its audit entry. The audit middleware opens a note around each
 * root field; services fill in the resource they touched with `noteAudit()`. Kept in
 * AsyncLocalStorage so that aliased fields of one document each get their own entry.
 */
export type AuditNote = {
  action: string;
  resourceType: string | null;
  resourceId: string | null;
  dealId: string | null;
  details: Record<string, unknown>;
  /** Set by unauthenticated flows (login) that learn the org and user as they go. */
  orgId?: string;
  actorId?: string;
  actorRole?: string;
  /** Admin writes: the written justification, logged again in admin_audit_log. */
  justification?: string;
};

const store = new AsyncLocalStorage<AuditNote>();

export const runWithAuditNote = <T>(note: AuditNote, fn: () => Promise<T>) => store.run(note, fn);

export function noteAudit(patch: Partial<AuditNote>): void {
  const note = store.getStore();
  if (!note) return;
  Object.assign(note, { ...patch, details: { ...note.details, ...patch.details } });
}
