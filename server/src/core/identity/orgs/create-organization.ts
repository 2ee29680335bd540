import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { hashPassword } from '@/lib/crypto/passwords';
import { SLUG_PATTERN, slugFrom } from '@/lib/text/slug';
import { badInput, conflict } from '@/lib/errors/app-error';
import { BUILT_IN_ROLES, type BuiltInRoleName } from '@/core/access/permission-catalog';
import { Role } from '@/core/identity/roles/role.entity';
import { User } from '@/core/identity/users/user.entity';
import { Organization } from './organization.entity';

export type NewOrganization = {
  orgName: string;
  /** What its people type to sign in; derived from the name when absent (a repeat gets a suffix). */
  slug?: string;
  admin: { email: string; name: string; password: string };
};

/**
 * A new organization with its built-in role rows and its first Admin. Runs as vigil_system
 * (there is no actor yet): from the CLI, and from test factories.
 */
export async function createOrganization(em: EntityManager, input: NewOrganization) {
  const slug = await freeSlug(em, input);
  const org = em.create(Organization, { name: input.orgName, slug } as Organization);
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

/** The slug asked for (refused when taken), or the name's, with a random suffix while taken. */
async function freeSlug(em: EntityManager, input: NewOrganization): Promise<string> {
  const taken = async (slug: string) => (await em.count(Organization, { slug })) > 0;
  if (input.slug !== undefined) {
    if (!SLUG_PATTERN.test(input.slug)) throw badInput('The slug must be 1–63 lower-case letters, digits and inner hyphens');
    if (await taken(input.slug)) throw conflict(`The slug "${input.slug}" is taken`);
    return input.slug;
  }
  const base = slugFrom(input.orgName);
  for (let slug = base; ; slug = `${base}-${randomBytes(3).toString('hex')}`) if (!(await taken(slug))) return slug;
}
