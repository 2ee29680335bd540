import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Mutation, Query, Resolver } from 'type-graphql';
import { actorOf } from '@/core/graphql/actor-of';
import type { RequestContext } from '@/core/request/request-context';
import { exchangeDirectory } from '../exchange-directory';
import { ConnectionOnboarding } from './connection-onboarding';
import { ConnectionService } from './connection.service';
import {
  ConnectExchangeInput,
  ConnectExchangeResult,
  ExchangeConnectionType,
  ExchangeVenueType,
  toBalanceLineType,
  toConnectionType,
  toVenueType,
} from './connection.types';

@Resolver()
export class ConnectionResolver {
  @Query(() => [ExchangeVenueType], { description: 'The exchanges Vigil supports, with the steps to make a read-only key.' })
  exchangeVenues(@Ctx() ctx: RequestContext) {
    return exchangeDirectory(ctx.deps.env)
      .all()
      .map((a) => toVenueType(a.onboarding, a.needsPassphrase, a.hasSandbox));
  }

  @Query(() => [ExchangeConnectionType], { description: "An employee's connections; without employeeId, your own." })
  connections(
    @Arg('employeeId', () => ID, { nullable: true }) employeeId: string | null,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return new ConnectionService({ db: ctx.db, access: ctx.access }, ctx.auditFor(info)).list(actorOf(ctx), employeeId);
  }

  @Mutation(() => ConnectExchangeResult, {
    description: 'Connects one of your own exchange keys after the venue has confirmed it is read-only.',
  })
  async connectExchange(
    @Arg('input', () => ConnectExchangeInput) input: ConnectExchangeInput,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const onboarding = new ConnectionOnboarding(
      {
        db: ctx.db,
        access: ctx.access,
        secrets: ctx.deps.secrets,
        auditMac: ctx.deps.auditMac,
        adapterFor: (venue) => exchangeDirectory(ctx.deps.env).adapterFor(venue),
        requireTls: ctx.deps.env.NODE_ENV === 'production',
      },
      ctx.auditFor(info),
    );
    const { connection, balances } = await onboarding.onboard(actorOf(ctx), { ...input }, { secure: ctx.secure });
    return { connection: toConnectionType(connection), balances: balances.lines.map(toBalanceLineType) };
  }
}
