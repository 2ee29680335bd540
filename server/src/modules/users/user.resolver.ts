import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '@/app/context';
import { actorOf } from '@/app/graphql/actor-of';
import { UserService } from './user.service';
import { CreateUserInput, UpdateUserInput, UserConnection, UserType } from './user.types';

@Resolver()
export class UserResolver {
  private service(ctx: RequestContext) {
    return new UserService(ctx.db, ctx.deps.revocation);
  }

  @Query(() => UserConnection)
  users(
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('search', () => String, { nullable: true }) search: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    return this.service(ctx).list(actorOf(ctx), { first, after, search });
  }

  @Query(() => UserType)
  user(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return this.service(ctx).get(actorOf(ctx), id);
  }

  @Mutation(() => UserType)
  createUser(
    @Arg('input', () => CreateUserInput) input: CreateUserInput,
    @Arg('justification', () => String) _justification: string,
    @Ctx() ctx: RequestContext,
  ) {
    return this.service(ctx).create(actorOf(ctx), input);
  }

  @Mutation(() => UserType)
  updateUser(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateUserInput) input: UpdateUserInput,
    @Arg('justification', () => String) _justification: string,
    @Ctx() ctx: RequestContext,
  ) {
    return this.service(ctx).update(actorOf(ctx), id, input);
  }

  @Mutation(() => UserType, { description: "Changes a user's role and ends all of their sessions." })
  assignRole(
    @Arg('userId', () => ID) userId: string,
    @Arg('roleId', () => ID) roleId: string,
    @Arg('justification', () => String) _justification: string,
    @Ctx() ctx: RequestContext,
  ) {
    return this.service(ctx).assignRole(actorOf(ctx), userId, roleId);
  }
}
