import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '@vigil/server/testing/test-database';

export type BenchDatabase = TestDatabase & { host: string; port: string };

/** A throwaway, fully migrated database; drop it when done. */
export async function createBenchDatabase(): Promise<BenchDatabase> {
  const db = await createTestDatabase('vigil_bench');
  const url = new URL(db.adminUrl);
  return { ...db, host: url.hostname, port: url.port || '5432' };
}

export async function withAdmin<T>(db: TestDatabase, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: db.adminUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}
