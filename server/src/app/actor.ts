import type { Aal } from '@/modules/auth/access-token';

/** Who is making a request, as established before any resolver runs. */
export type UserActor = {
  kind: 'user';
  userId: string;
  orgId: string;
  roleId: string;
  roleName: string;
  permissions: ReadonlySet<string>;
  aal: Aal;
  mfaAt: number | null;
  session: { jti: string; expiresAt: Date; issuedAtMs: number };
};

export type Actor = UserActor;

export const BUILT_IN_ADMIN = 'Admin';

/** Admin writes need a written justification and are logged twice (DESIGN.md, R13). */
export const isAdmin = (actor: Actor) => actor.roleName === BUILT_IN_ADMIN;
