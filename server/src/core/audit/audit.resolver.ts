import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '@/core/request/request-context';
import { actorOf } from '@/core/graphql/actor-of';
import { AUDIT_ACTIONS } from './audit-actions';
import { AuditService } from './audit.service';
import { AuditActorType, AuditVocabularyType } from './audit-picker.types';
import { AuditChainStatusType, AuditEntryConnection, AuditFilterInput } from './audit.types';

// The actions the audit module writes itself; every module's declared actions come from deps.
const OWN_ACTIONS = Object.values(AUDIT_ACTIONS);

@Resolver()
export class AuditResolver {
  private service(ctx: RequestContext, info: GraphQLResolveInfo) {
    return new AuditService(
      {
        db: ctx.db,
        access: ctx.access,
        chainStatus: ctx.deps.auditChainStatus,
        chainer: ctx.deps.auditChainer,
        knownActions: {
          rootFields: ctx.deps.rootFields.keys(),
          moduleActions: [...new Set([...OWN_ACTIONS, ...ctx.deps.auditActions])],
        },
      },
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

  @Query(() => [AuditActorType], {
    description:
      "The organization's users whose name (or a word of it) or email begins with `search`, by name: for the actor filter.",
  })
  auditActors(
    @Arg('search', () => String) search: string,
    @Arg('first', () => Int, { defaultValue: 10 }) first: number,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return this.service(ctx, info).actors(actorOf(ctx), { search, first });
  }

  @Query(() => AuditVocabularyType, { description: 'The actions and resource types the filters know.' })
  auditVocabulary(@Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return this.service(ctx, info).vocabulary(actorOf(ctx));
  }

  @Query(() => AuditChainStatusType)
  auditChainStatus(@Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return this.service(ctx, info).chainStatus(actorOf(ctx));
  }
}
