import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';

/**
 * Where a raw client comes from: the ORM's own pool (the server), or a plain `pg` pool (a tool
 * that loads no ORM, such as the export benchmark's child process).
 */
export type RawClientSource = MikroORM | pg.Pool;

/**
 * Borrows a raw `pg` client, for what the ORM does not do well: COPY streams, multi-statement
 * round trips, batched audit inserts. In the server one pool serves both, which is what lets the
 * embedded single-session PGlite run the same code.
 */
export async function withRawClient<T>(source: RawClientSource, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const pool = source instanceof pg.Pool ? poolOf(source) : knexPoolOf(source);
  const client = await pool.acquire();
  try {
    return await fn(client);
  } catch (err) {
    // Never hand a connection back inside an aborted or open transaction.
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    await pool.release(client);
  }
}

type Borrow = { acquire(): Promise<pg.PoolClient>; release(c: pg.PoolClient): Promise<void> };

const poolOf = (pool: pg.Pool): Borrow => ({
  acquire: () => pool.connect(),
  release: async (c) => c.release(),
});

function knexPoolOf(orm: MikroORM): Borrow {
  const knexClient = orm.em.getConnection().getKnex().client as {
    acquireConnection(): Promise<pg.PoolClient>;
    releaseConnection(c: pg.PoolClient): Promise<void>;
  };
  return { acquire: () => knexClient.acquireConnection(), release: (c) => knexClient.releaseConnection(c) };
}
