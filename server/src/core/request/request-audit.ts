import { GraphQLError } from 'graphql';
import { AppError } from '@/lib/errors/app-error';
import type { AuditEntryInput, AuditOutcome } from '@/core/audit/audit-entry';
import { auditActorOf, type RequestActor } from '@/core/actor';
import type { AuditNote } from './audit-note';

/**
 * The audit entries of one request: one per root field (aliases included), each with its
 * outcome. A read-only field's "allowed" entry has already committed with its read (FieldAudit);
 * the rest are written by the request context with the request's transaction (state changes and
 * their entries commit together) or, when it opened none, through the group-committing batcher,
 * before the response leaves.
 */
export class RequestAudit {
  readonly entries: AuditEntryInput[] = [];
  readonly adminEntries: (AuditEntryInput & { justification: string })[] = [];

  constructor(
    private readonly actor: RequestActor | null,
    private readonly ipAddress: string | null,
  ) {}

  record(note: AuditNote, outcome: AuditOutcome, error?: unknown): void {
    // Committed already, with the field's read.
    if (outcome === 'allowed' && note.committedWithRead) return;
    const entry = this.entryOf(note, outcome, error);
    if (!entry) return;
    this.entries.push(entry);
    if (outcome === 'allowed' && note.justification !== undefined) {
      this.adminEntries.push({ ...entry, justification: note.justification });
    }
  }

  /**
   * The entry a note stands for. An anonymous request that never named an org (an unknown email
   * at login) belongs to no tenant's chain: no entry; the HTTP log keeps it.
   */
  entryOf(note: AuditNote, outcome: AuditOutcome, error?: unknown): AuditEntryInput | undefined {
    const orgId = this.actor?.orgId ?? note.orgId;
    if (!orgId) return undefined;
    const details = error === undefined ? note.details : { ...note.details, error: describeError(error) };
    // An anonymous flow that learned who it is for (login) names that user.
    const who = this.actor
      ? auditActorOf(this.actor)
      : {
          actorType: note.actorId ? ('user' as const) : ('anonymous' as const),
          actorId: note.actorId ?? null,
          actorRole: note.actorRole ?? null,
          systemSource: null,
        };
    return {
      orgId,
      at: new Date(),
      ...who,
      action: note.action,
      resourceType: note.resourceType,
      resourceId: note.resourceId,
      dealId: note.dealId,
      ipAddress: this.ipAddress,
      outcome,
      details,
    };
  }
}

export function outcomeOf(error: unknown): AuditOutcome {
  const code = errorCode(error);
  switch (code) {
    case 'UNAUTHENTICATED':
    case 'FORBIDDEN':
    case 'MFA_REQUIRED':
    case 'RATE_LIMITED':
    case 'NOT_FOUND':
      return 'denied';
    default:
      return 'error';
  }
}

function errorCode(error: unknown): string | undefined {
  if (error instanceof AppError) return error.code;
  if (error instanceof GraphQLError) {
    const orig = error.originalError;
    if (orig instanceof AppError) return orig.code;
    return typeof error.extensions.code === 'string' ? error.extensions.code : undefined;
  }
  return undefined;
}

function describeError(error: unknown): { code: string; message?: string } {
  const code = errorCode(error) ?? 'INTERNAL_SERVER_ERROR';
  // Messages of our own errors are safe to keep; unknown errors may carry internals.
  const message = error instanceof AppError ? error.message : undefined;
  return message ? { code, message } : { code };
}
