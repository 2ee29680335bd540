import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType('Role', { simpleResolvers: true })
export class RoleType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  description!: string;

  @Field(() => [String])
  permissions!: string[];

  @Field(() => Boolean, { description: 'Built-in roles are templates: read-only, copied by custom roles.' })
  builtIn!: boolean;

  @Field(() => Int)
  userCount!: number;
}

export type RoleRow = {
  id: string;
  name: string;
  description: string;
  /**
   * Comma-joined (`array_to_string`): names from the permission catalogue hold no commas, and
   * splitting is several times cheaper than the driver's array parser, which a user list paid
   * for every role of the org.
   */
  permissions: string;
  built_in: boolean;
  user_count?: number | string;
};

export const toRoleType = (r: RoleRow): RoleType => ({
  id: r.id,
  name: r.name,
  description: r.description,
  permissions: r.permissions === '' ? [] : r.permissions.split(','),
  builtIn: r.built_in,
  userCount: Number(r.user_count ?? 0),
});

@InputType()
export class CreateRoleInput {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [String])
  permissions!: string[];
}

@InputType()
export class UpdateRoleInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [String], { nullable: true })
  permissions?: string[] | null;
}
