import type { UserActor } from '@/core/actor';
import type { CoreDeps } from '@/core/deps';
import { unauthenticated } from '@/lib/errors/app-error';
import { markPasswordChangeRequired } from './password-change-gate';

const BEARER = /^Bearer ([A-Za-z0-9_\-.]{1,4096})$/;

/**
 * Turns an Authorization header into an actor: signature, algorithm, expiry, then the Redis
 * denylist — all before any resolver or database work.
 */
export async function authenticateBearer(deps: Pick<CoreDeps, 'tokens' | 'revocation'>, header: string): Promise<UserActor> {
  const match = BEARER.exec(header);
  if (!match) throw unauthenticated('Expected "Authorization: Bearer <token>"');
  const session = await deps.tokens.verify(match[1]!);
  if (await deps.revocation.isRevoked(session)) throw unauthenticated('Session revoked');
  const actor: UserActor = {
    kind: 'user',
    userId: session.userId,
    orgId: session.orgId,
    roleId: session.roleId,
    roleName: session.roleName,
    // A session that must change its password holds nothing, whatever its token lists.
    permissions: new Set(session.passwordChangeRequired ? [] : session.permissions),
    aal: session.aal,
    mfaAt: session.mfaAt,
    session: { jti: session.jti, expiresAt: session.expiresAt, issuedAtMs: session.issuedAtMs },
  };
  return session.passwordChangeRequired ? markPasswordChangeRequired(actor) : actor;
}
