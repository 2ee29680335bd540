import { randomBytes } from 'node:crypto';
import pg from 'pg';

const SERVER = process.env.E2E_PG_HOST ?? '127.0.0.1:5432';
const SUPERUSER_URL = `postgres://${process.env.E2E_PG_SUPERUSER ?? 'postgres'}@${SERVER}/postgres`;

export type TestDatabase = {
  name: string;
  /** Superuser: runs migrations. */
  adminUrl: string;
  /** The app's system role: owns nothing, not a superuser, so RLS binds it. */
  appUrl: string;
  /** The app's request role: can become vigil_user only. */
  requestUrl: string;
  drop(): Promise<void>;
};

async function withSuperuser<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: SUPERUSER_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh database per run, so journeys never see another run's data. */
export async function createDatabase(): Promise<TestDatabase> {
  const name = `vigil_e2e_${randomBytes(6).toString('hex')}`;
  await withSuperuser((c) => c.query(`CREATE DATABASE ${name}`));
  return {
    name,
    adminUrl: `postgres://postgres@${SERVER}/${name}`,
    appUrl: `postgres://vigil_app@${SERVER}/${name}`,
    requestUrl: `postgres://vigil_request@${SERVER}/${name}`,
    async drop() {
      await withSuperuser((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
