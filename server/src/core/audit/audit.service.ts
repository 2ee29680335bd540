import { z } from 'zod';
import type { RequestActor as Actor } from '@/core/actor';
import type { ObjectAccess } from '@/core/access/require-access';
import { discardAudit, type FieldAudit } from '@/core/request/audit-note';
import { decodeCursor, encodeCursor } from '@/core/graphql/cursor';
import { pageSize, parseInput } from '@/core/graphql/validate';
import type { RequestDb } from '@/lib/db/request-db';
import type { AuditChainStatus } from './audit-chain-status';
import { AUDIT_OUTCOMES } from './audit-entry';
import type { AuditChainer } from './audit-chainer';
import type { AuditFilter } from './audit-filter';
import { ACTION_FILTER } from './audit-filter';
import { searchAuditActors } from './audit-actors';
import { listAuditEntries } from './audit-query';
import { auditVocabulary, type AuditVocabulary } from './audit-vocabulary';
import { toAuditEntryType, type AuditFilterInput } from './audit.types';

const filterSchema = z
  .object({
    from: z.date().nullish(),
    to: z.date().nullish(),
    actorId: z.string().max(200).nullish(),
    resourceType: z.string().max(100).nullish(),
    action: z.string().regex(ACTION_FILTER, 'an action, or a prefix ending in *').nullish(),
    outcome: z.enum(AUDIT_OUTCOMES).nullish(),
    writesOnly: z.boolean().nullish(),
    adminWritesOnly: z.boolean().nullish(),
  })
  .refine((f) => !f.from || !f.to || f.from < f.to, { message: '`from` must be before `to`', path: ['from'] });

const actorSearchSchema = z.object({
  // A name, a word of one, or an email's beginning; blank lists the first users by name.
  search: z.string().trim().max(200),
  first: z.number().int().min(1).max(50),
});

/**
 * Reading and verifying the org's audit log (audit:read). `knownActions`: the root fields'
 * registry keys (`Query.users`) and the actions modules write besides, for the filters' pickers.
 */
export type AuditServiceDeps = {
  db: RequestDb;
  access: ObjectAccess;
  chainStatus: AuditChainStatus;
  chainer?: AuditChainer;
  knownActions?: { rootFields: Iterable<string>; moduleActions: readonly string[] };
};

export class AuditService {
  private readonly db: RequestDb;
  private readonly access: ObjectAccess;
  private readonly statuses: AuditChainStatus;
  private readonly chainer: AuditChainer | undefined;
  private readonly knownActions: AuditServiceDeps['knownActions'];

  constructor(
    deps: AuditServiceDeps,
    private readonly audit: FieldAudit = discardAudit,
  ) {
    ({
      db: this.db,
      access: this.access,
      chainStatus: this.statuses,
      chainer: this.chainer,
      knownActions: this.knownActions,
    } = deps);
  }

  async list(actor: Actor, input: { filter?: AuditFilterInput | null; first: number; after?: string | null }) {
    await this.access.require(actor, 'audit:read');
    const first = parseInput(pageSize, input.first);
    const filter: AuditFilter = parseInput(filterSchema, { ...(input.filter ?? {}) });
    const afterSeq = input.after ? (decodeCursor(input.after, ['number'])[0] as number) : null;
    this.audit.note({ resourceType: 'audit_log', details: { first } });
    // Reads run in the request's RLS scope: only this org's entries, only with audit:read.
    const page = await listAuditEntries(await this.db.em(), filter, first, afterSeq);
    return {
      nodes: page.entries.map(toAuditEntryType),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor === null ? null : encodeCursor([page.endCursor]) },
    };
  }

  /** The org's users matching a name or email prefix, for the actor filter's picker. */
  async actors(actor: Actor, input: { search: string; first: number }) {
    await this.access.require(actor, 'audit:read');
    const { search, first } = parseInput(actorSearchSchema, input);
    this.audit.note({ resourceType: 'audit_log', details: { search, first } });
    return searchAuditActors(await this.db.em(), search, first);
  }

  /** The actions and resource types the filters know; nothing is read from the database. */
  async vocabulary(actor: Actor): Promise<AuditVocabulary> {
    await this.access.require(actor, 'audit:read');
    this.audit.note({ resourceType: 'audit_log' });
    return auditVocabulary(this.knownActions?.rootFields ?? [], this.knownActions?.moduleActions ?? []);
  }

  /**
   * The org's chain verified from its last verified point, shared with concurrent callers of the
   * org and reused briefly (AuditChainStatus). The walk reads the chainer's head record, which no
   * user role can read, so it runs as vigil_system for this one org after the permission check.
   */
  async chainStatus(actor: Actor) {
    await this.access.require(actor, 'audit:read');
    this.audit.note({ resourceType: 'audit_log', action: 'query.auditChainStatus' });
    const status = await this.statuses.of(actor.orgId);
    return {
      valid: status.valid,
      checkedEntries: status.checked,
      headSeq: status.headSeq,
      firstInvalidSeq: status.firstInvalidSeq,
      reason: status.message ?? status.reason,
      pendingEntries: status.pendingEntries,
      chainDelayMs: this.chainer ? this.chainer.stats.recentWorstDelayMs : null,
      verifiedAt: status.verifiedAt,
    };
  }
}
