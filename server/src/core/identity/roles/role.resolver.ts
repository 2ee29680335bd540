import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '@/core/request/request-context';
import { actorOf } from '@/core/graphql/actor-of';
import { PERMISSIONS } from '@/core/access/permission-catalog';
import { RoleService } from './role.service';
import { CreateRoleInput, RoleType, UpdateRoleInput } from './role.types';

@Resolver()
export class RoleResolver {
  private service(ctx: RequestContext, info: GraphQLResolveInfo) {
    return new RoleService(
      { db: ctx.db, access: ctx.access, revocation: ctx.deps.revocation, logger: ctx.logger },
      ctx.auditFor(info),
    );
  }

  @Query(() => [RoleType])
  roles(@Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return this.service(ctx, info).list(actorOf(ctx));
  }

  @Query(() => RoleType)
  role(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return this.service(ctx, info).get(actorOf(ctx), id);
  }

  @Query(() => [String], { description: 'Every permission a role can hold: `<resource>:read|write`.' })
  permissionCatalog(): readonly string[] {
    return PERMISSIONS;
  }

  @Mutation(() => RoleType)
  createRole(
    @Arg('input', () => CreateRoleInput) input: CreateRoleInput,
    @Arg('justification', () => String) _justification: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return this.service(ctx, info).create(actorOf(ctx), input);
  }

  @Mutation(() => RoleType, { description: "Changing permissions ends the sessions of the role's users." })
  updateRole(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateRoleInput) input: UpdateRoleInput,
    @Arg('justification', () => String) _justification: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return this.service(ctx, info).update(actorOf(ctx), id, input);
  }

  @Mutation(() => Boolean)
  deleteRole(
    @Arg('id', () => ID) id: string,
    @Arg('justification', () => String) _justification: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return this.service(ctx, info).delete(actorOf(ctx), id);
  }
}
