import type { RequestDb } from '@/lib/db/request-db';
import type { Logger } from '@/lib/logger';
import type { SessionRevocation } from './session-revocation';

export type CutoffTarget = { userId: string } | { roleId: string };

const AFTER_COMMIT_ATTEMPTS = 3;

/**
 * Ends the sessions a change makes stale: every session of a user (disabled, moved to another
 * role, new password) or of a role's holders (its permissions edited). Written twice, both times
 * on the database's clock:
 * - now, inside the change's transaction, so a denylist that cannot be written fails the change
 *   and every session issued before it began is refused from here on;
 * - again once the change has committed, so a session issued from the state before the commit
 *   (a sign-in whose read raced the change) is refused too: its issue time is the time of its
 *   read, which came before the commit and so before this cutoff.
 * `keep`: a session the change itself issued from the new state (a password change's own).
 * Returns the first cutoff; a session issued by the change must be issued after it.
 */
export async function endStaleSessions(
  db: RequestDb,
  revocation: SessionRevocation,
  target: CutoffTarget,
  logger: Logger,
  keep?: () => string | undefined,
): Promise<number> {
  const write = (cutoff: number, spare?: string) =>
    'userId' in target
      ? revocation.revokeUserSessions(target.userId, cutoff, spare)
      : revocation.revokeRoleSessions(target.roleId, cutoff);
  const first = await db.databaseNowMs();
  await write(first);
  // For the user's detail page: the server keeps no list of sessions, but it can say this much.
  if ('userId' in target) {
    const em = await db.em();
    await em.execute('UPDATE users SET sessions_ended_at = to_timestamp(? / 1000.0) WHERE id = ?', [first, target.userId]);
  }
  db.afterCommit(async () => {
    for (let attempt = 1; ; attempt++) {
      try {
        await write(await db.databaseNowMs(), keep?.());
        return;
      } catch (err) {
        if (attempt >= AFTER_COMMIT_ATTEMPTS) {
          // Sessions issued before the change began are already refused; only a sign-in that
          // raced the commit may outlive it. Loud, because it needs a look.
          logger.error({ err, target }, 'the after-commit session cutoff could not be written');
          return;
        }
      }
    }
  });
  return first;
}
