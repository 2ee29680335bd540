import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '@/core/request/request-context';
import { actorOf } from '@/core/graphql/actor-of';
import { UserService } from './user.service';
import { CreateUserInput, UpdateUserInput, UserConnection, UserType } from './user.types';

@Resolver()
export class UserResolver {
  private service(ctx: RequestContext, info: GraphQLResolveInfo) {
    return new UserService(
      { db: ctx.db, access: ctx.access, revocation: ctx.deps.revocation, logger: ctx.logger },
      ctx.auditFor(info),
    );
  }

  @Query(() => UserConnection)
  users(
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('search', () => String, { nullable: true }) search: string | null,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return this.service(ctx, info).list(actorOf(ctx), { first, after, search });
  }

  @Query(() => UserType)
  user(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return this.service(ctx, info).get(actorOf(ctx), id);
  }

  @Mutation(() => UserType)
  createUser(
    @Arg('input', () => CreateUserInput) input: CreateUserInput,
    @Arg('justification', () => String) _justification: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return this.service(ctx, info).create(actorOf(ctx), input);
  }

  @Mutation(() => UserType)
  updateUser(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateUserInput) input: UpdateUserInput,
    @Arg('justification', () => String) _justification: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return this.service(ctx, info).update(actorOf(ctx), id, input);
  }

  @Mutation(() => UserType, {
    description:
      "Clears another user's MFA (TOTP secret and recovery codes) and ends all of their sessions: they sign in " +
      'with their password and enrol again. Not for oneself (BAD_USER_INPUT).',
  })
  resetUserMfa(
    @Arg('id', () => ID) id: string,
    @Arg('justification', () => String) _justification: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return this.service(ctx, info).resetMfa(actorOf(ctx), id);
  }

  @Mutation(() => UserType, { description: "Changes a user's role and ends all of their sessions." })
  assignRole(
    @Arg('userId', () => ID) userId: string,
    @Arg('roleId', () => ID) roleId: string,
    @Arg('justification', () => String) _justification: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return this.service(ctx, info).assignRole(actorOf(ctx), userId, roleId);
  }
}
