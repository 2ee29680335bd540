import type { Actor } from '@/app/actor';
import type { RequestContext } from '@/app/context';
import { unauthenticated } from '@/lib/errors/app-error';

/** The authenticated actor of a request; the shield has already refused anonymous callers. */
export function actorOf(ctx: RequestContext): Actor {
  if (!ctx.actor) throw unauthenticated();
  return ctx.actor;
}
