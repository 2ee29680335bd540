import type { MikroORM } from '@mikro-orm/postgresql';
import net from 'node:net';
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

/**
 * Ends a connection cut off mid-statement (a COPY whose reader went away or ran out of time), and
 * its statement with it. Destroying the socket ends a backend blocked writing to us at once: its
 * write fails (a cancel cannot reach it there: PostgreSQL acts only on a termination while a
 * backend waits on its client). A backend still busy — planning, scanning, waiting on a lock —
 * would not notice the closed socket before its next write, so its statement is also cancelled
 * (`cancel`; not on the embedded single-session database). The pool drops the client: it ended.
 */
export async function abandonMidStatement(client: pg.PoolClient, options: { cancel: boolean }): Promise<void> {
  await Promise.all([
    options.cancel ? sendCancelRequest(client) : undefined,
    // With a statement still active, pg's end() destroys the socket rather than saying goodbye.
    client.end().catch(() => undefined),
  ]);
}

type BackendKey = { processID?: number | null; secretKey?: number | null };

/**
 * PostgreSQL's CancelRequest for what `client`'s backend is running (psql's Ctrl-C): a connection
 * of its own that needs no pool, no login and no role, matched by the backend's secret key, so it
 * can reach no other backend. Best effort: resolves once sent, or after 5 s, never rejects.
 */
export function sendCancelRequest(client: pg.ClientBase): Promise<void> {
  const { processID, secretKey } = client as pg.ClientBase & BackendKey;
  const { host, port } = client as pg.ClientBase & { host?: string; port?: number };
  if (processID == null || secretKey == null || !host || !port) return Promise.resolve();
  const packet = Buffer.alloc(16);
  packet.writeInt32BE(16, 0);
  packet.writeInt32BE(80877102, 4); // the CancelRequest code
  packet.writeInt32BE(processID, 8);
  packet.writeInt32BE(secretKey, 12);
  return new Promise((resolve) => {
    const socket = host.startsWith('/') ? net.connect(`${host}/.s.PGSQL.${port}`) : net.connect(port, host);
    socket.setTimeout(5000, () => socket.destroy());
    socket.on('error', () => resolve());
    socket.on('close', () => resolve());
    socket.end(packet);
  });
}
