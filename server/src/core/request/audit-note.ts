import type { AlongsideWrite } from '@/lib/db/request-db';
import type { SqlStatement } from '@/lib/db/prepared-statement';
import type { ObjectType } from '@/core/access/permission-catalog';

/**
 * What one root field did, for its audit entry. The audit middleware opens a note for each root
 * field (keyed by its response key, so aliased fields of one document each get their own); the
 * service serving the field fills in the resource it touched through the FieldAudit it was
 * given. Passed explicitly rather than through AsyncLocalStorage, whose promise hooks on Node 20
 * cost every promise of every request (measured: BENCHMARKS.md).
 */
export type AuditNote = {
  action: string;
  resourceType: ObjectType | null;
  resourceId: string | null;
  dealId: string | null;
  details: Record<string, unknown>;
  /** Set by unauthenticated flows (login) that learn the org and user as they go. */
  orgId?: string;
  actorId?: string;
  actorRole?: string;
  /** Admin writes: the written justification, logged again in admin_audit_log. */
  justification?: string;
  /** Its "allowed" entry already committed with the field's read (see FieldAudit). */
  committedWithRead?: boolean;
};

/**
 * The chain of the platform's own security events: those that name no organization, such as a
 * sign-in to an organization slug that does not exist. It is an audit chain like any org's
 * (linked, verified, append-only) under an org id no organization can have, so no tenant reads
 * it (RLS matches the caller's org); operators read it with the CLI (`security-events`). A note
 * names it as its `orgId`.
 */
export const PLATFORM_CHAIN_ORG_ID = '00000000-0000-0000-0000-000000000000';

/**
 * A root field's audit, as its service sees it. Services note what they touch *before* they
 * read: a read-only field's entry then travels in the read's own round trip and transaction
 * (`alongside`), so the rows never leave the database without their entry being committed.
 */
export type FieldAudit = {
  note(patch: Partial<AuditNote>): void;
  /** The insert of this field's "allowed" entry, to commit with a read (once per field). */
  readonly alongside: AlongsideWrite | undefined;
};

export function fieldAudit(note: AuditNote, entrySql: (note: AuditNote) => SqlStatement | undefined): FieldAudit {
  return {
    note(patch) {
      Object.assign(note, { ...patch, details: { ...note.details, ...patch.details } });
    },
    alongside: {
      sql: () => (note.committedWithRead ? undefined : entrySql(note)),
      committed: () => {
        note.committedWithRead = true;
      },
    },
  };
}

/** For calls outside a GraphQL root field (tests, jobs): notes go nowhere. */
export const discardAudit: FieldAudit = { note: () => undefined, alongside: undefined };
