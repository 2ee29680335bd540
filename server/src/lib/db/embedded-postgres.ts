import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export type EmbeddedPostgres = { url: string; stop(): Promise<void> };

/**
 * A first-run database with no server to install: PGlite (PostgreSQL compiled to WASM) with its
 * data in `dataDir`, served on a loopback socket so the same driver, migrations and RLS code run
 * against it. PGlite has one session, so the ORM pool must be a single connection and only
 * transaction-local settings are safe (which is all Vigil uses). Not for production.
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const dir = path.resolve(dataDir, 'pglite');
  await mkdir(dir, { recursive: true });
  const db = await PGlite.create(dir);
  const server = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1' });
  await server.start();
  const port = Number(server.getServerConn().split(':').pop());
  if (!Number.isInteger(port) || port <= 0) throw new Error('embedded PostgreSQL did not report its port');
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
