import { GraphQLJSON } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '@/core/graphql/page-info';
import { AUDIT_OUTCOMES, type AuditOutcome } from './audit-entry';
import type { ListedAuditEntry } from './audit-query';

// The GraphQL enum, made from the one list of outcomes.
export const AuditOutcomeEnum = Object.fromEntries(AUDIT_OUTCOMES.map((o) => [o, o])) as { [K in AuditOutcome]: K };
export type AuditOutcomeEnum = AuditOutcome;
registerEnumType(AuditOutcomeEnum, { name: 'AuditOutcome' });

@ObjectType('AuditEntry', { simpleResolvers: true })
export class AuditEntryType {
  @Field(() => ID, { description: '<org>:<seq>' })
  id!: string;

  @Field(() => Int)
  seq!: number;

  /** The canonical ISO string the chain hashes (see DateTimeISO). */
  @Field(() => Date)
  at!: Date | string;

  @Field(() => String)
  actorType!: string;

  @Field(() => String, { nullable: true })
  actorId!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Who acted, by name, read now in the reader's organization (an API key: the name its entry recorded); null when unknown.",
  })
  actorName!: string | null;

  @Field(() => String, { nullable: true, description: "A person actor's email, read now in the reader's organization." })
  actorEmail!: string | null;

  @Field(() => String, { nullable: true })
  actorRole!: string | null;

  @Field(() => String, { nullable: true })
  systemSource!: string | null;

  @Field(() => String)
  action!: string;

  @Field(() => String, { nullable: true })
  resourceType!: string | null;

  @Field(() => String, { nullable: true })
  resourceId!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The resource's name where it has one (a user, a role, the organization), read now in the reader's organization.",
  })
  resourceName!: string | null;

  @Field(() => String, { nullable: true })
  dealId!: string | null;

  @Field(() => String, { nullable: true })
  ipAddress!: string | null;

  @Field(() => AuditOutcomeEnum)
  outcome!: AuditOutcomeEnum;

  @Field(() => GraphQLJSON)
  details!: Record<string, unknown>;

  @Field(() => String, { nullable: true, description: "An Admin write's written justification (also in details)." })
  justification!: string | null;

  @Field(() => String)
  hash!: string;
}

export const toAuditEntryType = (e: ListedAuditEntry): AuditEntryType =>
  Object.assign(new AuditEntryType(), {
    id: `${e.orgId}:${e.seq}`,
    seq: e.seq,
    at: e.at,
    actorType: e.actorType,
    actorId: e.actorId,
    actorName: e.actorName,
    actorEmail: e.actorEmail,
    actorRole: e.actorRole,
    systemSource: e.systemSource,
    action: e.action,
    resourceType: e.resourceType,
    resourceId: e.resourceId,
    resourceName: e.resourceName,
    dealId: e.dealId,
    ipAddress: e.ipAddress,
    outcome: e.outcome,
    details: e.details,
    justification: typeof e.details.justification === 'string' ? e.details.justification : null,
    hash: e.hash,
  });

@ObjectType({ simpleResolvers: true })
export class AuditEntryConnection {
  @Field(() => [AuditEntryType])
  nodes!: AuditEntryType[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@InputType('AuditFilter')
export class AuditFilterInput {
  @Field(() => Date, { nullable: true, description: 'Inclusive.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Exclusive.' })
  to?: Date | null;

  @Field(() => ID, { nullable: true })
  actorId?: string | null;

  @Field(() => String, { nullable: true })
  resourceType?: string | null;

  @Field(() => String, { nullable: true, description: 'An action, or a prefix ending in `*` (`mutation.*`).' })
  action?: string | null;

  @Field(() => AuditOutcomeEnum, { nullable: true })
  outcome?: AuditOutcomeEnum | null;

  @Field(() => Boolean, { nullable: true, description: 'Leave out reads (`query.*` actions).' })
  writesOnly?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Only Admin writes (the entries with a written justification).' })
  adminWritesOnly?: boolean | null;
}

@ObjectType('AuditChainStatus', { simpleResolvers: true })
export class AuditChainStatusType {
  @Field(() => Boolean)
  valid!: boolean;

  @Field(() => Int)
  checkedEntries!: number;

  @Field(() => Int)
  headSeq!: number;

  @Field(() => Int, { nullable: true, description: 'The first entry that does not hold.' })
  firstInvalidSeq!: number | null;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => Int, { description: 'Entries written but not yet linked into the chain.' })
  pendingEntries!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      "Worst delay between an entry being written and being chained over the last minute (ms), as seen by this server's chainer; null when this server does not chain.",
  })
  chainDelayMs!: number | null;

  @Field(() => Date)
  verifiedAt!: Date;
}
