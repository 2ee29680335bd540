import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '@/core/request/request-context';
import { actorOf } from '@/core/graphql/actor-of';
import { AuditService } from './audit.service';
import { AuditChainStatusType, AuditEntryConnection, AuditFilterInput } from './audit.types';

@Resolver()
export class AuditResolver {
  private service(ctx: RequestContext, info: GraphQLResolveInfo) {
    return new AuditService(
      { db: ctx.db, access: ctx.access, chainStatus: ctx.deps.auditChainStatus, chainer: ctx.deps.auditChainer },
      ctx.auditFor(info),
    );
  }

  @Query(() => AuditEntryConnection, { description: 'Newest first.' })
  auditEntries(
    @Arg('filter', () => AuditFilterInput, { nullable: true }) filter: AuditFilterInput | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return this.service(ctx, info).list(actorOf(ctx), { filter, first, after });
  }

  @Query(() => AuditChainStatusType)
  auditChainStatus(@Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return this.service(ctx, info).chainStatus(actorOf(ctx));
  }
}
