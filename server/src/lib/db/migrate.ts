import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../migrations');

// Files named NNNN_name.sql run in order, each in its own transaction. Every file runs as
// vigil_owner, so the tables belong to a role that no request uses, except those that create or
// grant database roles: 0000, and any file whose first line is ADMINISTRATOR_MARKER.
const FILE = /^(\d{4})_[a-z0-9_]+\.sql$/;
const ADMINISTRATOR_MARKER = '-- migration runs as: administrator';
const runsAsAdministrator = (file: string, sql: string) => file.startsWith('0000_') || sql.startsWith(ADMINISTRATOR_MARKER);

export type MigrationResult = { applied: string[]; skipped: string[] };

export async function runMigrations(adminUrl: string, dir = MIGRATIONS_DIR): Promise<MigrationResult> {
  const files = (await readdir(dir)).filter((f) => FILE.test(f)).sort();
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    // One migrator at a time across replicas.
    await client.query('SELECT pg_advisory_lock(7461001)');
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set((await client.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map((r) => r.name));
    const result: MigrationResult = { applied: [], skipped: [] };
    for (const file of files) {
      if (done.has(file)) {
        result.skipped.push(file);
        continue;
      }
      const sql = await readFile(path.join(dir, file), 'utf8');
      await client.query('BEGIN');
      try {
        if (!runsAsAdministrator(file, sql)) await client.query('SET LOCAL ROLE vigil_owner');
        await client.query(sql);
        await client.query('RESET ROLE');
        await client.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${file} failed: ${(err as Error).message}`, { cause: err });
      }
      result.applied.push(file);
    }
    return result;
  } finally {
    await client.query('SELECT pg_advisory_unlock(7461001)').catch(() => undefined);
    await client.end();
  }
}
