import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '@/core/graphql/page-info';
import type { EmployeeValue, EmployeeValueColumns } from '../valuation/employee-values';
import type { EmployeeStatus } from './employee.entity';

export enum EmployeeStatusEnum {
  invited = 'invited',
  active = 'active',
  needs_reonboarding = 'needs_reonboarding',
  offboarded = 'offboarded',
}
registerEnumType(EmployeeStatusEnum, {
  name: 'EmployeeStatus',
  description: 'invited → active → needs_reonboarding → offboarded',
});

export type EmployeeHealth = 'none' | 'ok' | 'failing' | 'broken';
export enum EmployeeHealthEnum {
  none = 'none',
  ok = 'ok',
  failing = 'failing',
  broken = 'broken',
}
registerEnumType(EmployeeHealthEnum, { name: 'EmployeeHealth' });

@ObjectType('Employee', { simpleResolvers: true })
export class EmployeeType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String)
  department!: string;

  @Field(() => EmployeeStatusEnum)
  status!: EmployeeStatus;

  @Field(() => Date)
  statusChangedAt!: Date | string;

  @Field(() => String, { nullable: true, description: 'Why the status last changed (re-onboarding, offboarding).' })
  statusNote!: string | null;

  @Field(() => Boolean, { description: 'The employee has made its account from the invitation.' })
  hasAccount!: boolean;

  @Field(() => Date, { nullable: true, description: 'When the live invitation link stops working, if there is one.' })
  invitationExpiresAt!: Date | string | null;

  @Field(() => Date)
  createdAt!: Date | string;

  @Field(() => EmployeeHealthEnum, {
    description:
      'Worst of its connections: broken (or suspended), failing (polls failing, not yet confirmed broken), ok, or none.',
  })
  health!: EmployeeHealth;

  @Field(() => Int, { description: 'Its connections you may see, removed ones left out.' })
  connectionCount!: number;

  @Field(() => String, {
    nullable: true,
    description:
      'What it holds now (exchanges and wallets) in the reference currency, summed over priced assets only, a decimal ' +
      'number. Null when nothing held is priced, or without balances:read. Unpriced assets are never counted as zero.',
  })
  totalValue!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Held assets without a price, left out of totalValue. Null without balances:read.',
  })
  unpricedAssets!: number | null;
}

@ObjectType({ simpleResolvers: true })
export class EmployeeConnection {
  @Field(() => [EmployeeType])
  nodes!: EmployeeType[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

/** An employees row as the roster queries return it. */
export type EmployeeRow = {
  id: string;
  name: string;
  email: string;
  department: string;
  status: EmployeeStatus;
  user_id: string | null;
  status_changed_at: string;
  status_note: string | null;
  created_at: string;
  invitation_expires_at: string | null;
  connections: number | null;
  broken: number | null;
  failing: number | null;
} & EmployeeValueColumns;

const healthOf = (e: EmployeeRow): EmployeeHealth =>
  (e.broken ?? 0) > 0 ? 'broken' : (e.failing ?? 0) > 0 ? 'failing' : (e.connections ?? 0) > 0 ? 'ok' : 'none';

export const toEmployeeType = (
  e: EmployeeRow,
  value: EmployeeValue = { totalValue: null, unpricedAssets: null },
): EmployeeType => ({
  id: e.id,
  name: e.name,
  email: e.email,
  department: e.department,
  status: e.status,
  statusChangedAt: e.status_changed_at,
  statusNote: e.status_note,
  hasAccount: e.user_id !== null,
  invitationExpiresAt: e.invitation_expires_at,
  createdAt: e.created_at,
  health: healthOf(e),
  connectionCount: e.connections ?? 0,
  totalValue: value.totalValue,
  unpricedAssets: value.unpricedAssets,
});

@ObjectType({ simpleResolvers: true, description: 'An invitation, with its link: shown this once, never stored.' })
export class EmployeeInvitationType {
  @Field(() => EmployeeType)
  employee!: EmployeeType;

  @Field(() => String, { description: 'The single-use link to send to the employee. Vigil keeps only its hash.' })
  link!: string;

  @Field(() => Date)
  expiresAt!: Date;
}

@InputType()
export class InviteEmployeeInput {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String, { nullable: true })
  department?: string | null;
}

@InputType()
export class UpdateEmployeeInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  department?: string | null;
}

export enum InvitationStateEnum {
  valid = 'valid',
  expired = 'expired',
  used = 'used',
  revoked = 'revoked',
}
registerEnumType(InvitationStateEnum, { name: 'InvitationState' });

@ObjectType({ description: 'What the onboarding page may show about an invitation link before it is accepted.' })
export class InvitationPreviewType {
  @Field(() => InvitationStateEnum)
  state!: InvitationStateEnum;

  @Field(() => String)
  organizationName!: string;

  @Field(() => String, { description: 'The organization to sign in to.' })
  organization!: string;

  @Field(() => String, { nullable: true, description: 'Only while the link works.' })
  employeeName!: string | null;

  @Field(() => String, { nullable: true, description: 'Only while the link works.' })
  email!: string | null;

  @Field(() => Date)
  expiresAt!: Date;
}

@ObjectType({ description: 'The account made from an invitation: sign in with these.' })
export class AcceptedInvitationType {
  @Field(() => String)
  organization!: string;

  @Field(() => String)
  email!: string;
}
