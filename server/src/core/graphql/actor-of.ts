import { requireUser, type RequestActor, type UserActor } from '@/core/actor';
import type { RequestContext } from '@/core/request/request-context';
import { unauthenticated } from '@/lib/errors/app-error';

/** The authenticated actor of a request; the shield has already refused anonymous callers. */
export function actorOf(ctx: RequestContext): RequestActor {
  if (!ctx.actor) throw unauthenticated();
  return ctx.actor;
}

/** The signed-in person of a request, for flows only a person has (FORBIDDEN for an API key). */
export const userOf = (ctx: RequestContext): UserActor => requireUser(actorOf(ctx));
