import { and, rule } from 'graphql-shield';
import type { UserActor } from '@/core/actor';
import { isAuthenticated } from '@/core/graphql/rules';
import type { RequestContext } from '@/core/request/request-context';
import { forbidden } from '@/lib/errors/app-error';

// Sessions issued while someone else's password is on the account (an Admin's createUser, the
// CLI's add-admin). Such a session carries no permissions at all (so every permission rule, every
// service's access check and RLS refuse it on their own), and is marked here when its token is
// read, so that the fields open to any signed-in user refuse it too. Only `me`, `changePassword`
// and `logout` stay open to it: their rules do not include `passwordSettled`.
const pendingPasswordChange = new WeakSet<UserActor>();

export const PASSWORD_CHANGE_REQUIRED_MESSAGE = 'Choose a new password first: your password was set by someone else';

export function markPasswordChangeRequired(actor: UserActor): UserActor {
  pendingPasswordChange.add(actor);
  return actor;
}

export const passwordChangeRequired = (actor: UserActor | null | undefined) => !!actor && pendingPasswordChange.has(actor);

/** Refuses a session that must change its password first. */
export const passwordSettled = rule('password-settled', { cache: 'contextual' })((_parent, _args, ctx: RequestContext) =>
  ctx.actor?.kind === 'user' && passwordChangeRequired(ctx.actor) ? forbidden(PASSWORD_CHANGE_REQUIRED_MESSAGE) : true,
);

/** Any signed-in user whose password is their own. */
export const isSignedInWithOwnPassword = and(isAuthenticated, passwordSettled);
