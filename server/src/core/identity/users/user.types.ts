import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { PageInfo } from '@/core/graphql/page-info';
import { RoleType, toRoleType, type RoleRow } from '@/core/identity/roles/role.types';

@ObjectType('User', { simpleResolvers: true })
export class UserType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String)
  name!: string;

  @Field(() => RoleType)
  role!: RoleType;

  @Field(() => Boolean)
  disabled!: boolean;

  @Field(() => Boolean)
  mfaEnabled!: boolean;

  /** A Date, or the canonical ISO string SQL rendered (see DateTimeISO). */
  @Field(() => Date)
  createdAt!: Date | string;

  @Field(() => Boolean, {
    description: 'Someone else set the password (an Admin, the CLI): the user must choose a new one before anything else works.',
  })
  passwordChangeRequired!: boolean;

  @Field(() => Date, { nullable: true, description: 'The last sign-in with a password. Sessions themselves are not stored.' })
  lastSignInAt!: Date | string | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'When every session of the user was last ended (password change, role change, disabling, MFA reset): ' +
      'any session issued before it is refused.',
  })
  sessionsEndedAt!: Date | string | null;
}

@ObjectType({ simpleResolvers: true })
export class UserConnection {
  @Field(() => [UserType])
  nodes!: UserType[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

/** A users row as the list and detail queries return it. */
export type UserRow = {
  id: string;
  email: string;
  name: string;
  disabled: boolean;
  mfa_enabled: boolean;
  /** ISO-8601 UTC (isoTimestampSql). */
  created_at: string;
  role_id: string;
  must_change_password: boolean;
  last_sign_in_at: string | null;
  sessions_ended_at: string | null;
};

// Plain objects of the type's shape: list responses build thousands of them.
export const toUserType = (u: UserRow, role: RoleType): UserType => ({
  id: u.id,
  email: u.email,
  name: u.name,
  disabled: u.disabled,
  mfaEnabled: u.mfa_enabled,
  createdAt: u.created_at,
  passwordChangeRequired: u.must_change_password,
  lastSignInAt: u.last_sign_in_at,
  sessionsEndedAt: u.sessions_ended_at,
  role,
});

/** Users with their roles, from the two result sets of one round trip. */
export function toUserTypes(users: readonly UserRow[], roles: readonly RoleRow[]): UserType[] {
  const byId = new Map(roles.map((r) => [r.id, toRoleType(r)]));
  return users.map((u) => {
    const role = byId.get(u.role_id);
    // RLS shows users:read holders every role of the org; a missing one is a broken invariant.
    if (!role) throw new Error(`role ${u.role_id} of user ${u.id} is not visible`);
    return toUserType(u, role);
  });
}

@InputType()
export class CreateUserInput {
  @Field(() => String)
  email!: string;

  @Field(() => String)
  name!: string;

  @Field(() => ID)
  roleId!: string;

  @Field(() => String, { description: 'Initial password, at least 12 characters.' })
  password!: string;
}

@InputType()
export class UpdateUserInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Disabling revokes every session of the user.' })
  disabled?: boolean | null;
}
