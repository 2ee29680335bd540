import type { EntityManager } from '@mikro-orm/postgresql';
import { hashPassword } from '@/lib/crypto/passwords';
import { BUILT_IN_ROLES, type BuiltInRoleName } from '@/core/access/permission-catalog';
import { Role } from '@/core/identity/roles/role.entity';
import { User } from '@/core/identity/users/user.entity';
import { Organization } from './organization.entity';

export type NewOrganization = { orgName: string; admin: { email: string; name: string; password: string } };

/**
 * A new organization with its built-in role rows and its first Admin. Runs as vigil_system
 * (there is no actor yet): from the CLI, and from test factories.
 */
export async function createOrganization(em: EntityManager, input: NewOrganization) {
  const org = em.create(Organization, { name: input.orgName } as Organization);
  await em.flush();
  const roles = {} as Record<BuiltInRoleName, Role>;
  for (const [name, def] of Object.entries(BUILT_IN_ROLES) as [BuiltInRoleName, (typeof BUILT_IN_ROLES)[BuiltInRoleName]][]) {
    roles[name] = em.create(Role, {
      orgId: org.id,
      name,
      description: def.description,
      permissions: [...def.permissions].sort(),
      builtIn: true,
    } as Role);
  }
  await em.flush();
  const admin = em.create(User, {
    orgId: org.id,
    email: input.admin.email.toLowerCase(),
    name: input.admin.name,
    roleId: roles.Admin.id,
    passwordHash: await hashPassword(input.admin.password),
  } as User);
  await em.flush();
  return { org, roles, admin };
}
