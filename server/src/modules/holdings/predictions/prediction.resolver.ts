import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import { actorOf } from '@/core/graphql/actor-of';
import type { RequestContext } from '@/core/request/request-context';
import { PredictionReadsService } from './prediction-reads.service';
import { WalletPredictionsType } from './prediction.types';

@Resolver()
export class PredictionResolver {
  private reads(ctx: RequestContext, info: GraphQLResolveInfo) {
    return new PredictionReadsService({ db: ctx.db }, ctx.auditFor(info));
  }

  @Query(() => WalletPredictionsType, { description: "One wallet's prediction-market positions as last read." })
  walletPredictions(@Arg('walletId', () => ID) walletId: string, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return this.reads(ctx, info).walletPredictions(actorOf(ctx), walletId);
  }

  @Query(() => [WalletPredictionsType], {
    description: "Each of an employee's wallets' prediction-market positions as last read.",
  })
  employeePredictions(
    @Arg('employeeId', () => ID) employeeId: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return this.reads(ctx, info).employeePredictions(actorOf(ctx), employeeId);
  }
}
