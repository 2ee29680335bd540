import type { EntityManager } from '@mikro-orm/postgresql';
import { hashPassword } from '@/lib/crypto/passwords';
import { sqlState, UNIQUE_VIOLATION } from '@/lib/db/pg-errors';
import { conflict, notFound } from '@/lib/errors/app-error';
import { clearMfaEnrolment } from '@/core/identity/auth/mfa-reset';
import { Role } from '@/core/identity/roles/role.entity';
import { User } from '@/core/identity/users/user.entity';
import { Organization } from './organization.entity';

export type RecoveredAccess = { orgId: string; userId: string };

/**
 * For the day an organization locks itself out (its administrators gone, an Admin's
 * authenticator lost): what the CLI's `add-admin` and `reset-mfa` do, as vigil_system, from a
 * shell on the server, never from a request. The caller appends the audit entry in the same
 * transaction and ends the user's sessions after it.
 */
export async function addAdministrator(
  em: EntityManager,
  input: { organization: string; email: string; name: string; password: string },
): Promise<RecoveredAccess> {
  const org = await orgBySlug(em, input.organization);
  const admin = await em.findOne(Role, { orgId: org.id, name: 'Admin', builtIn: true });
  if (!admin) throw notFound('The Admin role');
  const user = em.create(User, {
    orgId: org.id,
    email: input.email.trim().toLowerCase(),
    name: input.name,
    roleId: admin.id,
    passwordHash: await hashPassword(input.password),
    // The operator typed this password for someone: they choose their own at first sign-in.
    mustChangePassword: true,
  } as User);
  try {
    await em.flush();
  } catch (err) {
    if (sqlState(err) === UNIQUE_VIOLATION) throw conflict(`${input.email} already has an account in ${input.organization}`);
    throw err;
  }
  return { orgId: org.id, userId: user.id };
}

/** Clears a user's TOTP enrolment (enrolled, pending, recovery codes): they sign in with the password and enrol again. */
export async function resetMfa(em: EntityManager, input: { organization: string; email: string }): Promise<RecoveredAccess> {
  const org = await orgBySlug(em, input.organization);
  const user = await em.findOne(User, { orgId: org.id, email: input.email.trim().toLowerCase() });
  if (!user) throw notFound(`A user ${input.email} in ${input.organization}`);
  await clearMfaEnrolment(em, user);
  return { orgId: org.id, userId: user.id };
}

async function orgBySlug(em: EntityManager, slug: string): Promise<Organization> {
  const org = await em.findOne(Organization, { slug: slug.trim().toLowerCase() });
  if (!org) throw notFound(`An organization "${slug}"`);
  return org;
}
