import type { EntityManager } from '@mikro-orm/postgresql';

export type AuditActorMatch = { id: string; actorType: 'user'; name: string; email: string | null };

/**
 * The reader's organization's users whose name (or a word of it) or email begins with `search`,
 * by name: what the actor filter's picker offers. Through audit_actor_search (migration 0016), so
 * an audit reader without users:read finds them too, and nobody finds another organization's.
 */
export async function searchAuditActors(em: EntityManager, search: string, first: number): Promise<AuditActorMatch[]> {
  const rows = await em
    .getConnection()
    .execute<{ id: string; name: string; email: string | null }[]>(
      'SELECT id::text AS id, name, email FROM audit_actor_search(?, ?)',
      [search, first],
      'all',
      em.getTransactionContext(),
    );
  return rows.map((r) => ({ id: r.id, actorType: 'user', name: r.name, email: r.email }));
}
