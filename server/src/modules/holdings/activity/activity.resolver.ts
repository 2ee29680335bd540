import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Int, Query, Resolver } from 'type-graphql';
import { actorOf } from '@/core/graphql/actor-of';
import type { RequestContext } from '@/core/request/request-context';
import { ActivityService } from './activity.service';
import {
  BalancePointType,
  ExchangeTransferConnection,
  FeedHealthType,
  HeldBalanceType,
  PollRunType,
  TradeConnection,
  ValuePointType,
} from './activity.types';

@Resolver()
export class ActivityResolver {
  private service(ctx: RequestContext, info: GraphQLResolveInfo) {
    return new ActivityService(
      { db: ctx.db, access: ctx.access, referenceCurrency: ctx.deps.env.REFERENCE_CURRENCY },
      ctx.auditFor(info),
    );
  }

  @Query(() => [HeldBalanceType], { description: "An employee's balances now: each connection's latest snapshot." })
  employeeBalances(
    @Arg('employeeId', () => ID) employeeId: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return this.service(ctx, info).latestBalances(actorOf(ctx), employeeId);
  }

  @Query(() => [BalancePointType], { description: "An employee's balances over the last `days` days, per asset." })
  employeeBalanceHistory(
    @Arg('employeeId', () => ID) employeeId: string,
    @Arg('days', () => Int, { defaultValue: 30 }) days: number,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return this.service(ctx, info).balanceHistory(actorOf(ctx), employeeId, days);
  }

  @Query(() => String, { description: 'The currency holdings are valued in (REFERENCE_CURRENCY), e.g. USD.' })
  referenceCurrency(@Ctx() ctx: RequestContext): string {
    return ctx.deps.env.REFERENCE_CURRENCY;
  }

  @Query(() => [ValuePointType], {
    description: "An employee's total value in the reference currency over the last `days` days, for the chart.",
  })
  employeeValueHistory(
    @Arg('employeeId', () => ID) employeeId: string,
    @Arg('days', () => Int, { defaultValue: 30 }) days: number,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return this.service(ctx, info).valueHistory(actorOf(ctx), employeeId, days);
  }

  @Query(() => TradeConnection, { description: "An employee's trades, newest first, paged on the server." })
  employeeTrades(
    @Arg('employeeId', () => ID) employeeId: string,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('symbol', () => String, { nullable: true }) symbol: string | null,
    @Arg('side', () => String, { nullable: true }) side: string | null,
    @Arg('from', () => Date, { nullable: true }) from: Date | null,
    @Arg('to', () => Date, { nullable: true }) to: Date | null,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return this.service(ctx, info).trades(actorOf(ctx), { employeeId, first, after, symbol, side, from, to });
  }

  @Query(() => ExchangeTransferConnection, {
    description: "An employee's deposits to and withdrawals from its exchange accounts, newest first, paged on the server.",
  })
  employeeTransfers(
    @Arg('employeeId', () => ID) employeeId: string,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('kind', () => String, { nullable: true, description: 'deposit | withdrawal' }) kind: string | null,
    @Arg('asset', () => String, { nullable: true }) asset: string | null,
    @Arg('from', () => Date, { nullable: true }) from: Date | null,
    @Arg('to', () => Date, { nullable: true }) to: Date | null,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return this.service(ctx, info).transfers(actorOf(ctx), { employeeId, first, after, kind, asset, from, to });
  }

  @Query(() => [PollRunType], { description: 'The latest polls of a connection, newest first.' })
  pollRuns(
    @Arg('connectionId', () => ID) connectionId: string,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return this.service(ctx, info).pollRuns(actorOf(ctx), connectionId, first);
  }

  @Query(() => [FeedHealthType], { description: 'Every connection you may see, broken and failing first.' })
  feedHealth(@Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return this.service(ctx, info).feedHealth(actorOf(ctx));
  }
}
