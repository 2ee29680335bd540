import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '@/core/request/request-context';
import { userOf } from '@/core/graphql/actor-of';
import { ViewerType } from '@/core/identity/users/viewer.types';
import { AuthService } from './auth.service';
import { AuthPayloadType, ChangePasswordInput, LoginInput, MfaEnrollmentType } from './auth.types';

@Resolver()
export class AuthResolver {
  private service(ctx: RequestContext, info: GraphQLResolveInfo) {
    return new AuthService(ctx.deps, ctx.ip, ctx.auditFor(info), ctx.logger);
  }

  @Query(() => ViewerType, { description: 'The signed-in user, their organization and session.' })
  me(@Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<ViewerType> {
    return this.service(ctx, info).viewer(userOf(ctx), ctx.db);
  }

  @Mutation(() => AuthPayloadType)
  login(@Arg('input', () => LoginInput) input: LoginInput, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return this.service(ctx, info).login(input);
  }

  @Mutation(() => Boolean, { description: 'Ends this session at once.' })
  logout(@Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return this.service(ctx, info).logout(userOf(ctx));
  }

  // Nullable so that each aliased attempt in a document runs and is counted on its own: a
  // non-null field would stop the document at the first refusal and hide the per-call limit.
  @Mutation(() => AuthPayloadType, {
    nullable: true,
    description:
      'Proves a TOTP code, or uses one recovery code in its place: returns an AAL2 token and ends the AAL1 one. ' +
      'Null when refused (see errors).',
  })
  stepUp(@Arg('code', () => String) code: string, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return this.service(ctx, info).stepUp(userOf(ctx), ctx.db, code);
  }

  @Mutation(() => MfaEnrollmentType)
  beginMfaEnrollment(@Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return this.service(ctx, info).beginMfaEnrollment(userOf(ctx), ctx.db);
  }

  @Mutation(() => AuthPayloadType)
  confirmMfaEnrollment(@Arg('code', () => String) code: string, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return this.service(ctx, info).confirmMfaEnrollment(userOf(ctx), ctx.db, code);
  }

  @Mutation(() => [String], {
    description: 'Issues new TOTP recovery codes (AAL2), shown this once; every earlier code stops working.',
  })
  regenerateRecoveryCodes(@Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<string[]> {
    return this.service(ctx, info).regenerateRecoveryCodes(userOf(ctx), ctx.db);
  }

  @Mutation(() => AuthPayloadType, { description: 'Ends every session of the user and returns a new one.' })
  changePassword(
    @Arg('input', () => ChangePasswordInput) input: ChangePasswordInput,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return this.service(ctx, info).changePassword(userOf(ctx), ctx.db, input);
  }
}
