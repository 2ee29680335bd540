import type { EntityManager } from '@mikro-orm/postgresql';
import { auditActorOf, type UserActor } from '@/core/actor';
// Its own files, not @/core/audit: the audit module's resolver imports identity's index.
import { appendInTransaction } from '@/core/audit/audit-append';
import type { AuditEntryMac } from '@/core/audit/audit-entry-mac';
import { IDENTITY_AUDIT_ACTIONS } from '../identity-audit-actions';
import { newRecoveryCode, RECOVERY_CODE_COUNT, recoveryCodeHash } from './recovery-codes';

// The recovery_codes table (migration 0017), under the caller's RLS scope: a user's own codes,
// and a users:write holder's delete for another user's MFA reset.

/** Replaces every code of the user with fresh ones, and returns them: the only time they are seen. */
export async function replaceRecoveryCodes(em: EntityManager, user: { id: string; orgId: string }): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await deleteRecoveryCodes(em, user.id);
  await em.execute(
    `INSERT INTO recovery_codes (org_id, user_id, code_hash) SELECT ?, ?, unnest(?::text[])`,
    // One array literal (the ORM would spread a JS array into separate parameters); hex needs no quoting.
    [user.orgId, user.id, `{${codes.map((c) => recoveryCodeHash(c.replace(/-/g, ''))).join(',')}}`],
  );
  return codes;
}

export async function deleteRecoveryCodes(em: EntityManager, userId: string): Promise<void> {
  await em.execute('DELETE FROM recovery_codes WHERE user_id = ?', [userId]);
}

/**
 * Uses one unused code of the actor, once: the conditional update makes "once" hold under
 * concurrency (a second use waits on the row and then finds it used). The use is audited in the
 * same transaction. False when no unused code has that hash.
 */
export async function useRecoveryCode(
  em: EntityManager,
  actor: UserActor,
  hash: string,
  audit: { mac: AuditEntryMac; ip: string | null },
): Promise<boolean> {
  const used = await em.execute<{ id: string }[]>(
    `UPDATE recovery_codes SET used_at = now() WHERE user_id = ? AND code_hash = ? AND used_at IS NULL RETURNING id`,
    [actor.userId, hash],
  );
  if (used.length === 0) return false;
  const remaining = await countUnusedRecoveryCodes(em, actor.userId);
  const entry = {
    orgId: actor.orgId,
    at: new Date(),
    ...auditActorOf(actor),
    action: IDENTITY_AUDIT_ACTIONS.recoveryCodeUsed,
    resourceType: 'user' as const,
    resourceId: actor.userId,
    dealId: null,
    ipAddress: audit.ip,
    outcome: 'allowed' as const,
    details: { recoveryCodeId: used[0]!.id, remaining },
  };
  await appendInTransaction(em, [entry], audit.mac);
  return true;
}

export async function countUnusedRecoveryCodes(em: EntityManager, userId: string): Promise<number> {
  const [row] = await em.execute<{ n: string }[]>(
    'SELECT count(*)::text AS n FROM recovery_codes WHERE user_id = ? AND used_at IS NULL',
    [userId],
  );
  return Number(row?.n ?? 0);
}
