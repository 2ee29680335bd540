import type { KvStore } from '@/lib/kv/kv-store';
import { ACCESS_TOKEN_TTL_SECONDS } from './access-token';

/** What a session is judged by: its id, whose it is, the role it carries, when it was issued. */
export type SessionKey = { jti: string; userId: string; roleId: string; issuedAtMs: number };

/**
 * The denylist, checked before any resolver runs. Three kinds of entry, read in one round trip:
 * a single session (`jti`: logout, step-up), "every session of this user issued at or before T"
 * (password change, role change, disabling) and "every session carrying this role issued at or
 * before T" (the role's permissions edited, or the role removed), which needs no list of the
 * role's holders. A cutoff only moves forward. Times are the database's clock, like the issue
 * times they are compared with (identity/auth/session-cutoffs.ts).
 *
 * A user cutoff may spare one session, `keep`: the one the change itself issued (a password
 * change answers with a new token, issued from the new state, before its cutoff is final).
 */
export class SessionRevocation {
  constructor(
    private readonly kv: KvStore,
    private readonly keyPrefix = 'vigil:',
    private readonly now: () => number = Date.now,
  ) {}

  private jtiKey = (jti: string) => `${this.keyPrefix}revoked:jti:${jti}`;
  private userKey = (userId: string) => `${this.keyPrefix}revoked:user:${userId}`;
  private roleKey = (roleId: string) => `${this.keyPrefix}revoked:role:${roleId}`;

  async revokeSession(jti: string, expiresAt: Date): Promise<void> {
    const ttl = Math.ceil((expiresAt.getTime() - this.now()) / 1000) + 5;
    if (ttl > 0) await this.kv.setWithTtl(this.jtiKey(jti), '1', ttl);
  }

  /** Refuses every session of the user issued at or before `cutoffMs`, except `keep`. */
  async revokeUserSessions(userId: string, cutoffMs: number, keep?: string): Promise<void> {
    const value = keep ? `${cutoffMs}:${keep}` : String(cutoffMs);
    await this.kv.setIfLater(this.userKey(userId), cutoffMs, value, ACCESS_TOKEN_TTL_SECONDS + 60);
  }

  /** Refuses every session carrying the role issued at or before `cutoffMs`. */
  async revokeRoleSessions(roleId: string, cutoffMs: number): Promise<void> {
    await this.kv.setIfLater(this.roleKey(roleId), cutoffMs, String(cutoffMs), ACCESS_TOKEN_TTL_SECONDS + 60);
  }

  async isRevoked(session: SessionKey): Promise<boolean> {
    const [jti, user, role] = await this.kv.getMany([
      this.jtiKey(session.jti),
      this.userKey(session.userId),
      this.roleKey(session.roleId),
    ]);
    if (jti != null) return true;
    if (cutsOff(user, session)) return true;
    return cutsOff(role, session);
  }
}

function cutsOff(entry: string | null | undefined, session: SessionKey): boolean {
  if (entry == null) return false;
  const sep = entry.indexOf(':');
  const cutoff = Number(sep === -1 ? entry : entry.slice(0, sep));
  const keep = sep === -1 ? undefined : entry.slice(sep + 1);
  // An entry that does not read as a cutoff refuses: the denylist fails closed.
  if (!Number.isFinite(cutoff)) return true;
  return session.issuedAtMs <= cutoff && session.jti !== keep;
}
