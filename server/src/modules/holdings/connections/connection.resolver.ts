import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Mutation, Query, Resolver } from 'type-graphql';
import { actorOf } from '@/core/graphql/actor-of';
import type { RequestContext } from '@/core/request/request-context';
import { exchangeDirectory } from '../exchange-directory';
import type { FieldAudit } from '@/core/request/audit-note';
import { ConnectionLifecycle } from './connection-lifecycle';
import { ConnectionOnboarding } from './connection-onboarding';
import { ConnectionService } from './connection.service';
import {
  ConnectExchangeInput,
  ConnectExchangeResult,
  ExchangeConnectionType,
  ExchangeVenueType,
  RotateConnectionInput,
  RotateConnectionResult,
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
    const onboarding = this.onboarding(ctx, ctx.auditFor(info));
    const { connection, balances } = await onboarding.onboard(actorOf(ctx), { ...input }, { secure: ctx.secure });
    return { connection: toConnectionType(connection), balances: balances.lines.map(toBalanceLineType) };
  }

  @Mutation(() => ExchangeConnectionType, {
    description:
      'Removes a connection: polling stops at once and its key is erased; what was polled is kept. Your own, or any with connections:write and employees:read.',
  })
  async removeConnection(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return toConnectionType(await this.lifecycle(ctx, ctx.auditFor(info)).remove(actorOf(ctx), id));
  }

  @Mutation(() => RotateConnectionResult, {
    description:
      'Replaces one of your own keys with a fresh one for the same venue: the fresh key is proved read-only first, then stored and the old one removed in one step.',
  })
  async rotateConnection(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => RotateConnectionInput) input: RotateConnectionInput,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const rotated = await this.lifecycle(ctx, ctx.auditFor(info)).rotate(actorOf(ctx), id, { ...input }, { secure: ctx.secure });
    return {
      connection: toConnectionType(rotated.connection),
      replaced: toConnectionType(rotated.replaced),
      balances: rotated.balances.lines.map(toBalanceLineType),
    };
  }

  private onboarding(ctx: RequestContext, audit: FieldAudit) {
    return new ConnectionOnboarding(
      {
        db: ctx.db,
        access: ctx.access,
        secrets: ctx.deps.secrets,
        auditMac: ctx.deps.auditMac,
        adapterFor: (venue) => exchangeDirectory(ctx.deps.env).adapterFor(venue),
        requireTls: ctx.deps.env.NODE_ENV === 'production',
      },
      audit,
    );
  }

  private lifecycle(ctx: RequestContext, audit: FieldAudit) {
    return new ConnectionLifecycle({ db: ctx.db, access: ctx.access, onboarding: this.onboarding(ctx, audit) }, audit);
  }
}
