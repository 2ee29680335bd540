import type { MikroORM } from '@mikro-orm/postgresql';
import type pg from 'pg';

/**
 * Borrows a raw `pg` client from the ORM's own pool, for what the ORM does not do well: COPY
 * streams, multi-statement round trips, batched audit inserts. One pool serves both, which is
 * what lets the embedded single-session PGlite run the same code.
 */
export async function withRawClient<T>(orm: MikroORM, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const knexClient = orm.em.getConnection().getKnex().client as {
    acquireConnection(): Promise<pg.PoolClient>;
    releaseConnection(c: pg.PoolClient): Promise<void>;
  };
  const client = await knexClient.acquireConnection();
  try {
    return await fn(client);
  } catch (err) {
    // Never hand a connection back inside an aborted or open transaction.
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    await knexClient.releaseConnection(client);
  }
}
