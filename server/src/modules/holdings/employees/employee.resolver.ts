import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Int, Mutation, Query, Resolver } from 'type-graphql';
import { actorOf } from '@/core/graphql/actor-of';
import type { RequestContext } from '@/core/request/request-context';
import { EmployeeService } from './employee.service';
import {
  AcceptedInvitationType,
  EmployeeConnection,
  EmployeeInvitationType,
  EmployeeStatusEnum,
  EmployeeType,
  InvitationPreviewType,
  InviteEmployeeInput,
  UpdateEmployeeInput,
} from './employee.types';
import { InvitationAcceptance } from './invitation-acceptance';

@Resolver()
export class EmployeeResolver {
  private service(ctx: RequestContext, info: GraphQLResolveInfo) {
    return new EmployeeService(
      {
        db: ctx.db,
        access: ctx.access,
        revocation: ctx.deps.revocation,
        logger: ctx.logger,
        publicOrigin: ctx.deps.env.PUBLIC_ORIGIN,
        referenceCurrency: ctx.deps.env.REFERENCE_CURRENCY,
      },
      ctx.auditFor(info),
    );
  }

  @Query(() => EmployeeConnection)
  employees(
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('search', () => String, { nullable: true }) search: string | null,
    @Arg('status', () => EmployeeStatusEnum, { nullable: true }) status: EmployeeStatusEnum | null,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return this.service(ctx, info).list(actorOf(ctx), { first, after, search, status });
  }

  @Query(() => EmployeeType)
  employee(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return this.service(ctx, info).get(actorOf(ctx), id);
  }

  @Query(() => EmployeeType, { nullable: true, description: 'The employee bound to the signed-in user, if any.' })
  myEmployee(@Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return this.service(ctx, info).own(actorOf(ctx));
  }

  @Mutation(() => EmployeeInvitationType, { description: 'Adds an employee to the roster and returns its single-use link.' })
  inviteEmployee(
    @Arg('input', () => InviteEmployeeInput) input: InviteEmployeeInput,
    @Arg('justification', () => String) _justification: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return this.service(ctx, info).invite(actorOf(ctx), input);
  }

  @Mutation(() => EmployeeInvitationType, { description: 'A new link; the previous one stops working.' })
  reissueInvitation(
    @Arg('id', () => ID) id: string,
    @Arg('justification', () => String) _justification: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return this.service(ctx, info).reissueInvitation(actorOf(ctx), id);
  }

  @Mutation(() => EmployeeType)
  updateEmployee(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateEmployeeInput) input: UpdateEmployeeInput,
    @Arg('justification', () => String) _justification: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return this.service(ctx, info).update(actorOf(ctx), id, input);
  }

  @Mutation(() => EmployeeType, { description: 'Compliance asks for a fresh verified key before the employee counts as active.' })
  requireReonboarding(
    @Arg('id', () => ID) id: string,
    @Arg('note', () => String) note: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return this.service(ctx, info).requireReonboarding(actorOf(ctx), id, note);
  }

  @Mutation(() => EmployeeType, {
    description: "Disables the employee's account, ends its sessions, stops polling; keeps the history.",
  })
  offboardEmployee(
    @Arg('id', () => ID) id: string,
    @Arg('justification', () => String) justification: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return this.service(ctx, info).offboard(actorOf(ctx), id, justification);
  }

  @Query(() => InvitationPreviewType, { description: 'What an invitation link is for (no sign-in needed).' })
  invitation(@Arg('token', () => String) token: string, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return new InvitationAcceptance(ctx.deps.orm, ctx.auditFor(info)).preview(token);
  }

  @Mutation(() => AcceptedInvitationType, { description: "Makes the employee's account from its invitation link, once." })
  acceptInvitation(
    @Arg('token', () => String) token: string,
    @Arg('password', () => String) password: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return new InvitationAcceptance(ctx.deps.orm, ctx.auditFor(info)).accept({ token, password });
  }
}
