import type { KvStore } from '@/lib/kv/kv-store';
import { ACCESS_TOKEN_TTL_SECONDS } from './access-token';

/**
 * The denylist, checked before any resolver runs. Two kinds of entry, read in one round trip:
 * a single session (`jti`, on logout or step-up) and "every session of this user issued before
 * T" (password change, role change, disabling). Entries live as long as a token can.
 */
export class SessionRevocation {
  constructor(
    private readonly kv: KvStore,
    private readonly keyPrefix = 'vigil:',
    private readonly now: () => number = Date.now,
  ) {}

  private jtiKey = (jti: string) => `${this.keyPrefix}revoked:jti:${jti}`;
  private userKey = (userId: string) => `${this.keyPrefix}revoked:user:${userId}`;

  async revokeSession(jti: string, expiresAt: Date): Promise<void> {
    const ttl = Math.ceil((expiresAt.getTime() - this.now()) / 1000) + 5;
    if (ttl > 0) await this.kv.setWithTtl(this.jtiKey(jti), '1', ttl);
  }

  /** Returns the cutoff: tokens issued at or before it are refused. */
  async revokeAllSessionsOf(userId: string): Promise<number> {
    const cutoff = this.now();
    await this.kv.setWithTtl(this.userKey(userId), String(cutoff), ACCESS_TOKEN_TTL_SECONDS + 60);
    return cutoff;
  }

  async isRevoked(session: { jti: string; userId: string; issuedAtMs: number }): Promise<boolean> {
    const [jti, userCutoff] = await this.kv.getMany([this.jtiKey(session.jti), this.userKey(session.userId)]);
    if (jti !== null && jti !== undefined) return true;
    return userCutoff !== null && userCutoff !== undefined && session.issuedAtMs <= Number(userCutoff);
  }
}
