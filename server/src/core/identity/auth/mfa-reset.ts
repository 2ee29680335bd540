import type { EntityManager } from '@mikro-orm/postgresql';
import type { User } from '@/core/identity/users/user.entity';
import { deleteRecoveryCodes } from './recovery-code-store';

/**
 * Clears a user's second factor: the enrolled TOTP secret, a pending enrolment and every recovery
 * code. They sign in with the password and enrol again. Shared by an Admin's `resetUserMfa` and
 * the CLI's `reset-mfa`; each caller writes its audit entry and ends the user's sessions.
 */
export async function clearMfaEnrolment(em: EntityManager, user: User): Promise<void> {
  user.mfaSecretEnc = null;
  user.mfaPendingEnc = null;
  user.mfaEnabledAt = null;
  await em.flush();
  await deleteRecoveryCodes(em, user.id);
}
