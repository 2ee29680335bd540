import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '@/core/request/request-context';
import { actorOf } from '@/core/graphql/actor-of';
import { AlertService } from './alert.service';
import { AlertConnection, AlertFilterInput, AlertRuleType, AlertType } from './alert.types';

@Resolver()
export class AlertResolver {
  private service(ctx: RequestContext, info: GraphQLResolveInfo) {
    return new AlertService({ db: ctx.db, access: ctx.access }, ctx.auditFor(info));
  }

  @Query(() => AlertConnection, { description: 'The alert queue, newest first.' })
  alerts(
    @Arg('filter', () => AlertFilterInput, { nullable: true }) filter: AlertFilterInput | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return this.service(ctx, info).list(actorOf(ctx), { filter, first, after });
  }

  @Query(() => AlertType)
  alert(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return this.service(ctx, info).get(actorOf(ctx), id);
  }

  @Query(() => [AlertRuleType], { description: 'The kinds of alert Vigil raises.' })
  alertRules(@Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return this.service(ctx, info).rules(actorOf(ctx));
  }

  @Mutation(() => AlertType, { description: 'OPEN → ACKNOWLEDGED; CONFLICT when the alert has already left OPEN.' })
  acknowledgeAlert(
    @Arg('id', () => ID) id: string,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return this.service(ctx, info).acknowledge(actorOf(ctx), { id, note });
  }

  @Mutation(() => AlertType, { description: 'OPEN or ACKNOWLEDGED → RESOLVED, with a note; CONFLICT when already resolved.' })
  resolveAlert(
    @Arg('id', () => ID) id: string,
    @Arg('note', () => String) note: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return this.service(ctx, info).resolve(actorOf(ctx), { id, note });
  }
}
