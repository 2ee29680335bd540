import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { PageInfo } from '@/app/graphql/page-info';
import { RoleType, toRoleType, type RoleRow } from '@/modules/roles/role.types';

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

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType({ simpleResolvers: true })
export class UserConnection {
  @Field(() => [UserType])
  nodes!: UserType[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

/** A users row joined with its role, as the list and detail queries return it. */
export type UserRow = {
  id: string;
  email: string;
  name: string;
  disabled: boolean;
  mfa_enabled: boolean;
  created_at: Date | string;
  role: RoleRow;
};

export const toUserType = (u: UserRow): UserType =>
  Object.assign(new UserType(), {
    id: u.id,
    email: u.email,
    name: u.name,
    disabled: u.disabled,
    mfaEnabled: u.mfa_enabled,
    createdAt: new Date(u.created_at),
    role: toRoleType(u.role),
  });

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

