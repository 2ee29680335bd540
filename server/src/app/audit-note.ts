/**
 * What one root field did, for its audit entry. The audit middleware opens a note for each root
 * field (keyed by its response key, so aliased fields of one document each get their own); the
 * service serving the field fills in the resource it touched through the AuditNoter it was
 * given. Passed explicitly rather than through AsyncLocalStorage, whose promise hooks on Node 20
 * cost every promise of every request (measured: BENCHMARKS.md).
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

export type AuditNoter = (patch: Partial<AuditNote>) => void;

export const noterFor =
  (note: AuditNote): AuditNoter =>
  (patch) => {
    Object.assign(note, { ...patch, details: { ...note.details, ...patch.details } });
  };

/** For calls outside a GraphQL root field (tests, jobs): notes go nowhere. */
export const discardNotes: AuditNoter = () => undefined;
