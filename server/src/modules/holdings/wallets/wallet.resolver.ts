import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Int, Mutation, Query, Resolver } from 'type-graphql';
import { actorOf } from '@/core/graphql/actor-of';
import type { RequestContext } from '@/core/request/request-context';
import { WalletReadsService } from './wallet-reads.service';
import { WalletService } from './wallet.service';
import {
  AddWalletInput,
  ChainType,
  toChainType,
  toWalletType,
  WalletBalanceType,
  WalletHealthType,
  WalletPollRunType,
  WalletTransferConnection,
  WalletType,
} from './wallet.types';

@Resolver()
export class WalletResolver {
  private walletService(ctx: RequestContext, info: GraphQLResolveInfo) {
    return new WalletService({ db: ctx.db, access: ctx.access, chains: ctx.deps.env.CHAINS }, ctx.auditFor(info));
  }

  private reads(ctx: RequestContext, info: GraphQLResolveInfo) {
    return new WalletReadsService(
      { db: ctx.db, access: ctx.access, referenceCurrency: ctx.deps.env.REFERENCE_CURRENCY, chains: ctx.deps.env.CHAINS },
      ctx.auditFor(info),
    );
  }

  @Query(() => [ChainType], { description: 'The chains wallets can be added on.' })
  chains(@Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return this.walletService(ctx, info).chains().map(toChainType);
  }

  @Query(() => [WalletType], { description: "An employee's wallets; without employeeId, your own." })
  async wallets(
    @Arg('employeeId', () => ID, { nullable: true }) employeeId: string | null,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return (await this.walletService(ctx, info).list(actorOf(ctx), employeeId)).map(toWalletType);
  }

  @Query(() => [WalletBalanceType], { description: "Each of an employee's wallets' latest balances." })
  walletBalances(@Arg('employeeId', () => ID) employeeId: string, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return this.reads(ctx, info).balances(actorOf(ctx), employeeId);
  }

  @Query(() => WalletTransferConnection, { description: "An employee's wallet transfers, newest first, paged on the server." })
  walletTransfers(
    @Arg('employeeId', () => ID) employeeId: string,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return this.reads(ctx, info).transfers(actorOf(ctx), { employeeId, first, after });
  }

  @Query(() => [WalletHealthType], { description: 'Every wallet you may see, failing first.' })
  walletHealth(@Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return this.reads(ctx, info).health(actorOf(ctx));
  }

  @Query(() => [WalletPollRunType], { description: 'The latest polls of a wallet, newest first.' })
  walletPollRuns(
    @Arg('walletId', () => ID) walletId: string,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return this.reads(ctx, info).pollRuns(actorOf(ctx), walletId, first);
  }

  @Mutation(() => WalletType, { description: 'Adds one of your own wallets; it is read from the next polling cycle.' })
  async addWallet(
    @Arg('input', () => AddWalletInput) input: AddWalletInput,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return toWalletType(await this.walletService(ctx, info).add(actorOf(ctx), { ...input }));
  }

  @Mutation(() => WalletType, { description: 'Removes one of your own wallets: polling stops, its history is kept.' })
  async removeWallet(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return toWalletType(await this.walletService(ctx, info).remove(actorOf(ctx), id));
  }
}
