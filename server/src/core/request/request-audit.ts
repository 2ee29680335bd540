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
   * The entry a note stands for. A flow that works before authentication (sign-in) names the
   * org it learned and belongs to that org's chain, whoever's token came along with it: a
   * sign-in is not the caller's act in the caller's org. It names the user as actor only once
   * the user is proved; until then the actor is anonymous and the user is the resource. An
   * anonymous request that never named an org (an unknown email) belongs to no tenant's chain.
   */
  entryOf(note: AuditNote, outcome: AuditOutcome, error?: unknown): AuditEntryInput | undefined {
    const ownOrg = note.orgId !== undefined;
    const orgId = ownOrg ? note.orgId : this.actor?.orgId;
    if (!orgId) return undefined;
    // An Admin write's justification is part of what its entry says, whatever the outcome: the
    // org's audit readers (audit:read) see why, and it is hashed and signed with the rest.
    const said = note.justification === undefined ? note.details : { ...note.details, justification: note.justification };
    const details = error === undefined ? said : { ...said, error: describeError(error) };
    const who =
      this.actor && !ownOrg
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
  // Messages of our own errors, and of GraphQL's own refusals (parse, validation: about the
  // document the client sent), are safe to keep; unknown errors may carry internals.
  const ours = error instanceof AppError || (error instanceof GraphQLError && !error.originalError);
  const message = ours ? (error as Error).message.slice(0, 500) : undefined;
  return message ? { code, message } : { code };
}
