import type { GraphQLResolveInfo } from 'graphql';
import { resourceIdOf } from '@/core/graphql/root-field';
import type { AuditNote } from './audit-note';
import type { RequestContext } from './request-context';
import { outcomeOf } from './request-audit';

type Resolve = (
  parent: unknown,
  args: Record<string, unknown>,
  ctx: RequestContext,
  info: GraphQLResolveInfo,
) => Promise<unknown>;

/**
 * Outermost, around every root field: opens the field's audit note and records its outcome,
 * including a refusal by the shield (which answers with an error value rather than a throw).
 */
export const auditRootField = async (
  resolve: Resolve,
  parent: unknown,
  args: Record<string, unknown>,
  ctx: RequestContext,
  info: GraphQLResolveInfo,
) => {
  const field = ctx.deps.rootFields.get(`${info.parentType.name}.${info.fieldName}`);
  const note: AuditNote = {
    action: `${info.operation.operation}.${info.fieldName}`,
    resourceType: field?.resource ?? null,
    resourceId: resourceIdOf(field, args),
    dealId: null,
    details: info.path.key !== info.fieldName ? { alias: info.path.key } : {},
    justification: typeof args.justification === 'string' ? args.justification.trim() : undefined,
  };
  ctx.openFieldNote(String(info.path.key), note);
  try {
    const result: unknown = await resolve(parent, args, ctx, info);
    if (result instanceof Error) ctx.audit.record(note, outcomeOf(result), result);
    else ctx.audit.record(note, 'allowed');
    return result;
  } catch (err) {
    ctx.audit.record(note, outcomeOf(err), err);
    throw err;
  }
};

/**
 * Innermost, around each authenticated mutation root field (after the shield allowed it): a
 * savepoint, so a field that fails leaves nothing behind.
 */
export const mutationSavepoint = (
  resolve: Resolve,
  parent: unknown,
  args: Record<string, unknown>,
  ctx: RequestContext,
  info: GraphQLResolveInfo,
) => (ctx.actor ? ctx.db.inSavepoint(() => resolve(parent, args, ctx, info)) : resolve(parent, args, ctx, info));
