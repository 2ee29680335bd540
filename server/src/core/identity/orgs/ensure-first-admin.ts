import type { MikroORM } from '@mikro-orm/postgresql';
import { verifyPassword } from '@/lib/crypto/passwords';
import { inScopedTransaction } from '@/lib/db/request-db';
import { User } from '@/core/identity/users/user.entity';
import { createOrganization } from './create-organization';
import { Organization } from './organization.entity';

/**
 * What became of the first Admin: created now, or found, and whether the first password still
 * signs them in (`npm start` prints it only while it does).
 */
export type FirstAdminOutcome = { created: boolean; slug?: string; initialPasswordInUse: boolean };

/** On an empty database, creates the first organization and its Admin; otherwise reports on them. */
export async function ensureFirstAdmin(
  orm: MikroORM,
  first: { orgName: string; slug?: string; email: string; password: string },
): Promise<FirstAdminOutcome> {
  return inScopedTransaction(orm, { role: 'vigil_system', source: 'first-run' }, async (em) => {
    if ((await em.count(Organization, {})) === 0) {
      const { org } = await createOrganization(em, {
        orgName: first.orgName,
        slug: first.slug,
        admin: { email: first.email, name: 'First Admin', password: first.password },
      });
      return { created: true, slug: org.slug, initialPasswordInUse: true };
    }
    const org = first.slug ? await em.findOne(Organization, { slug: first.slug }) : null;
    const admin = org
      ? await em.findOne(User, { orgId: org.id, email: first.email.toLowerCase() }, { populate: ['passwordHash'] })
      : null;
    const initialPasswordInUse = !!admin && (await verifyPassword(admin.passwordHash, first.password));
    return { created: false, slug: org?.slug, initialPasswordInUse };
  });
}
