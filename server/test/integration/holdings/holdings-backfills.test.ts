import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, runMigrations } from '@/lib/db/migrate';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database';

// Migrations run as vigil_owner, which forced RLS shows no row: a backfill must lift it for its
// transaction. These start from the migrations before the holdings backfills, with data in place,
// and check what the later migrations derived from it: each connection's newest snapshot time
// (0026, made by 0028) and the newest price per pair (0027).

type Kept = { asset: string; quote: string; price: string; at: string };

describe('holdings migrations on a database that already has balances and prices', () => {
  let olderDir: string;
  let db: TestDatabase;
  let c: pg.Client;

  beforeAll(async () => {
    olderDir = await mkdtemp(path.join(tmpdir(), 'vigil-migrations-'));
    for (const file of await readdir(MIGRATIONS_DIR)) {
      if (/^00(0\d|1\d|2[0-5])_.*\.sql$/.test(file)) await copyFile(path.join(MIGRATIONS_DIR, file), path.join(olderDir, file));
    }
    db = await createTestDatabase('vigil_test', olderDir);
    c = new pg.Client({ connectionString: db.adminUrl });
    await c.connect();
  });
  afterAll(async () => {
    await c?.end();
    await db?.drop();
    await rm(olderDir, { recursive: true, force: true });
  });

  it('should give each polled connection its newest snapshot time, and the newest of each price', async () => {
    for (const table of ['asset_prices_latest']) {
      expect((await c.query(`SELECT to_regclass($1) AS t`, [table])).rows[0].t).toBeNull();
    }
    const org = (await c.query<{ id: string }>(`INSERT INTO organizations (name, slug) VALUES ('Old', 'old') RETURNING id`))
      .rows[0]!.id;
    const employee = (
      await c.query<{ id: string }>(
        `INSERT INTO employees (org_id, name, email) VALUES ($1, 'Ada', 'ada@example.test') RETURNING id`,
        [org],
      )
    ).rows[0]!.id;
    const connection = (venue: string) =>
      c.query<{ id: string }>(
        `INSERT INTO exchange_connections (org_id, employee_id, venue, key_fingerprint, api_key_enc, secret_enc, status, scope_proof, scope_checked_at)
         VALUES ($1, $2, $3, '…abcd', 'sealed', 'sealed', 'active', '{}', now()) RETURNING id`,
        [org, employee, venue],
      );
    const polled = (await connection('binance')).rows[0]!.id;
    const never = (await connection('kraken')).rows[0]!.id;
    await c.query(
      `INSERT INTO exchange_balances (org_id, connection_id, employee_id, fetched_at, asset, total, free, used)
       VALUES ($1, $2, $3, '2026-12-01T10:00:00Z', 'BTC', 1, 1, 0), ($1, $2, $3, '2026-12-01T11:00:00Z', 'BTC', 2, 2, 0)`,
      [org, polled, employee],
    );
    await c.query(
      `INSERT INTO asset_prices (asset, quote, price, at, source) VALUES
         ('BTC', 'USD', 90000, '2026-12-01T10:00:00Z', 'kraken'), ('BTC', 'USD', 89000, '2026-12-01T09:00:00Z', 'kraken'),
         ('ETH', 'USD', 3000, '2026-12-01T08:00:00Z', 'kraken'), ('BTC', 'EUR', 0.9, '2026-12-01T07:00:00Z', 'kraken')`,
    );

    await runMigrations(db.adminUrl);

    const times = await c.query<{ id: string; at: string | null }>(
      `SELECT id, to_char(balances_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI') AS at FROM exchange_connections`,
    );
    expect(Object.fromEntries(times.rows.map((r) => [r.id, r.at]))).toEqual({ [polled]: '2026-12-01T11:00', [never]: null });
    const kept = await c.query<Kept>(
      `SELECT asset, quote, price::text AS price, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI') AS at
         FROM asset_prices_latest ORDER BY asset, quote`,
    );
    expect(kept.rows).toEqual([
      { asset: 'BTC', quote: 'EUR', price: '0.9', at: '2026-12-01T07:00' },
      { asset: 'BTC', quote: 'USD', price: '90000', at: '2026-12-01T10:00' },
      { asset: 'ETH', quote: 'USD', price: '3000', at: '2026-12-01T08:00' },
    ]);
    // RLS is forced again on every table the backfills lifted it from.
    const unforced = await c.query<{ relname: string }>(
      `SELECT relname FROM pg_class WHERE relname IN ('exchange_connections', 'exchange_balances', 'asset_prices', 'asset_prices_latest')
          AND NOT (relrowsecurity AND relforcerowsecurity)`,
    );
    expect(unforced.rows).toEqual([]);
  });
});
