import { createHash } from 'node:crypto';
import { rateLimited } from '@/lib/errors/app-error';
import type { CoreDeps } from '@/core/deps';

/** An account: an email in an organization (the organization's slug, as sign-in names it). */
export type AccountName = { organization: string; email: string };

// Accounts are keyed by a hash of the organization and the email: unknown ones are limited like
// known ones (so the limits tell nothing), and the key store holds no addresses.
const accountKey = (a: AccountName) =>
  createHash('sha256')
    .update(`${a.organization.trim().toLowerCase()}\n${a.email.trim().toLowerCase()}`)
    .digest('hex')
    .slice(0, 32);

/**
 * The limits on guessing a password or a TOTP code, for one request. Every attempt is counted
 * before it is checked (atomically, so concurrent guesses cannot slip past the count), and given
 * back or cleared when it succeeds. Refusals are RATE_LIMITED with the seconds to wait.
 */
export class GuessLimits {
  private readonly ipKey: string;

  constructor(
    private readonly limits: CoreDeps['limits'],
    ip: string | null,
  ) {
    this.ipKey = ip ?? 'unknown';
  }

  /** Before a password for an account is checked: per IP, then per account (progressive delays). */
  async beforePassword(account: AccountName): Promise<void> {
    const ipWait = await this.limits.loginPerIp.take(this.ipKey);
    if (ipWait > 0) throw rateLimited(ipWait);
    const key = accountKey(account);
    const waitMs = await this.limits.loginPerAccount.take(key);
    if (waitMs > 0 && !(await this.limits.loginPerAccount.isKnown(key, this.ipKey))) {
      throw rateLimited(Math.ceil(waitMs / 1000));
    }
  }

  async passwordSucceeded(account: AccountName): Promise<void> {
    await Promise.all([
      this.limits.loginPerIp.refund(this.ipKey),
      this.limits.loginPerAccount.succeeded(accountKey(account), this.ipKey),
    ]);
  }

  /** Before a TOTP code of `userId` is checked: per user and per IP. */
  async beforeCode(userId: string): Promise<void> {
    const [perUser, perIp] = await Promise.all([this.limits.mfaPerUser.take(userId), this.limits.mfaPerIp.take(this.ipKey)]);
    const wait = Math.max(perUser, perIp);
    if (wait > 0) throw rateLimited(wait);
  }

  async codeSucceeded(userId: string): Promise<void> {
    await Promise.all([this.limits.mfaPerUser.reset(userId), this.limits.mfaPerIp.refund(this.ipKey)]);
  }
}
