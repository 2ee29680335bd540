import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { runMigrations } from '@/lib/db/migrate';

// Integration tests use the real PostgreSQL on this machine. Each suite gets its own freshly
// migrated database, so suites run in parallel without seeing each other's rows.
export const PG_HOST = process.env.TEST_PG_HOST ?? '127.0.0.1';
export const PG_PORT = process.env.TEST_PG_PORT ?? '5432';
export const PG_SUPERUSER = process.env.TEST_PG_SUPERUSER ?? 'postgres';

export type TestDatabase = {
  name: string;
  /** Connects as vigil_app: the server's system pool. */
  appUrl: string;
  /** Connects as vigil_request: the server's request pool (can become vigil_user only). */
  requestUrl: string;
  /** Connects as a superuser: for setup and for tests that play an attacker with full access. */
  adminUrl: string;
  drop(): Promise<void>;
};

const urlFor = (user: string, db: string) => `postgres://${user}@${PG_HOST}:${PG_PORT}/${db}`;

/** `migrationsDir`: migrate from these files instead (a test of a migration starts from older ones). */
export async function createTestDatabase(prefix = 'vigil_test', migrationsDir?: string): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const root = new pg.Client({ connectionString: urlFor(PG_SUPERUSER, 'postgres') });
  await root.connect();
  try {
    await root.query(`CREATE DATABASE ${name}`);
  } finally {
    await root.end();
  }
  const adminUrl = urlFor(PG_SUPERUSER, name);
  await runMigrations(adminUrl, migrationsDir);
  return {
    name,
    appUrl: urlFor('vigil_app', name),
    requestUrl: urlFor('vigil_request', name),
    adminUrl,
    async drop() {
      const c = new pg.Client({ connectionString: urlFor(PG_SUPERUSER, 'postgres') });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
