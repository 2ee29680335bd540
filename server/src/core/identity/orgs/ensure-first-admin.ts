import type { MikroORM } from '@mikro-orm/postgresql';
import { inScopedTransaction } from '@/lib/db/request-db';
import { createOrganization } from './create-organization';
import { Organization } from './organization.entity';

/** On an empty database, creates the first organization and its Admin; otherwise does nothing. */
export async function ensureFirstAdmin(
  orm: MikroORM,
  first: { orgName: string; slug?: string; email: string; password: string },
): Promise<{ created: boolean; slug?: string }> {
  return inScopedTransaction(orm, { role: 'vigil_system', source: 'first-run' }, async (em) => {
    if ((await em.count(Organization, {})) > 0) return { created: false };
    const { org } = await createOrganization(em, {
      orgName: first.orgName,
      slug: first.slug,
      admin: { email: first.email, name: 'First Admin', password: first.password },
    });
    return { created: true, slug: org.slug };
  });
}
