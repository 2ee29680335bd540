import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database';

// Migration 0027: the newest price per (asset, quote), kept by a trigger beside the append-only
// history, is what every value "now" joins. It must always equal the history's newest row: after
// a late insert of an older price and after 100 racing refreshes; and no request session may
// write it. The migration's backfill: holdings-backfills.test.ts.

type Kept = { asset: string; quote: string; price: string; at: string };

const KEPT = `SELECT asset, quote, price::text AS price, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS at
                FROM asset_prices_latest ORDER BY asset, quote`;
// What the kept rows must be: the history's newest row per pair.
const NEWEST = `SELECT DISTINCT ON (asset, quote) asset, quote, price::text AS price,
                       to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS at
                  FROM asset_prices ORDER BY asset, quote, at DESC`;

const insertPrices = (rows: ReadonlyArray<[asset: string, price: string, at: string]>, quote = 'USD') =>
  `INSERT INTO asset_prices (asset, quote, price, at, source) VALUES ${rows
    .map(([asset, price, at]) => `(${pg.escapeLiteral(asset)}, '${quote}', ${price}, '${at}', 'kraken')`)
    .join(', ')}`;

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** As the worker writes prices: vigil_app acting as vigil_system, in a transaction of its own. */
const asWorker = (db: TestDatabase, sql: string) =>
  withClient(db.appUrl, async (c) => {
    await c.query('BEGIN; SET LOCAL ROLE vigil_system');
    await c.query(sql);
    await c.query('COMMIT');
  });

describe('the newest price kept per asset (migration 0027)', () => {
  let db: TestDatabase;
  let admin: pg.Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    admin = new pg.Client({ connectionString: db.adminUrl });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await db?.drop();
  });

  it('should keep the newer price when an older one is inserted after it, and take a newer one at once', async () => {
    await asWorker(
      db,
      insertPrices([
        ['BTC', '90000.5', '2026-12-01T10:00:00Z'],
        ['ETH', '3000', '2026-12-01T10:00:00Z'],
      ]),
    );
    await asWorker(db, insertPrices([['BTC', '80000', '2026-12-01T09:00:00Z']]));
    expect((await admin.query<Kept>(KEPT)).rows).toEqual([
      { asset: 'BTC', quote: 'USD', price: '90000.5', at: '2026-12-01T10:00:00.000' },
      { asset: 'ETH', quote: 'USD', price: '3000', at: '2026-12-01T10:00:00.000' },
    ]);
    // One statement with two times for one pair: its newest row counts.
    await asWorker(
      db,
      insertPrices([
        ['BTC', '91000', '2026-12-01T10:05:00Z'],
        ['BTC', '92000', '2026-12-01T10:10:00Z'],
      ]),
    );
    expect((await admin.query<Kept>(KEPT)).rows[0]).toEqual({
      asset: 'BTC',
      quote: 'USD',
      price: '92000',
      at: '2026-12-01T10:10:00.000',
    });
    expect((await admin.query<Kept>(KEPT)).rows).toEqual((await admin.query<Kept>(NEWEST)).rows);
  });

  it('should end with the newest of 100 refreshes racing each other, whatever order they commit in', async () => {
    // 100 refreshes, each pricing SOL and DOT at its own time (times shuffled), on 20 connections
    // at once (the suites share the server's connection limit). Inserts of one pair wait on each
    // other's row of the kept table and commit in whatever order they get it.
    const times = Array.from({ length: 100 }, (_, i) => i).sort(() => Math.random() - 0.5);
    const clients = await Promise.all(Array.from({ length: 20 }, () => withClientOpen(db.appUrl)));
    try {
      await Promise.all(
        clients.map(async (c, k) => {
          for (const t of times.slice(k * 5, k * 5 + 5)) {
            const at = new Date(Date.UTC(2026, 11, 2, 0, t)).toISOString();
            await c.query('BEGIN; SET LOCAL ROLE vigil_system');
            await c.query(
              insertPrices([
                ['SOL', `${100 + t}`, at],
                ['DOT', `${5 + t}`, at],
              ]),
            );
            await c.query('COMMIT');
          }
        }),
      );
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
    expect((await admin.query('SELECT count(*)::int AS n FROM asset_prices WHERE asset = $1', ['SOL'])).rows[0].n).toBe(100);
    const kept = (await admin.query<Kept>(KEPT)).rows;
    expect(kept.filter((r) => r.asset === 'SOL' || r.asset === 'DOT')).toEqual([
      { asset: 'DOT', quote: 'USD', price: '104', at: '2026-12-02T01:39:00.000' },
      { asset: 'SOL', quote: 'USD', price: '199', at: '2026-12-02T01:39:00.000' },
    ]);
    expect(kept).toEqual((await admin.query<Kept>(NEWEST)).rows);
  });

  it('should refuse a request session every write to the kept prices, and change nothing', async () => {
    const before = (await admin.query<Kept>(KEPT)).rows;
    for (const write of [
      `INSERT INTO asset_prices_latest (asset, quote, price, at) VALUES ('BTC', 'EUR', 1, now())`,
      `UPDATE asset_prices_latest SET price = 1`,
      `DELETE FROM asset_prices_latest`,
      insertPrices([['BTC', '1', '2030-01-01T00:00:00Z']]),
    ]) {
      const err = await withClient(db.requestUrl, async (c) => {
        await c.query('BEGIN; SET LOCAL ROLE vigil_user');
        return c.query(write).then(
          () => null,
          (e: unknown) => e as { code?: string },
        );
      });
      expect(err?.code, write).toBe('42501');
    }
    // Reading is allowed: values now join it under the reader's scope.
    const read = await withClient(db.requestUrl, async (c) => {
      await c.query('BEGIN; SET LOCAL ROLE vigil_user');
      return (await c.query<Kept>(KEPT)).rows;
    });
    expect(read).toEqual(before);
    expect((await admin.query<Kept>(KEPT)).rows).toEqual(before);
  });
});

async function withClientOpen(url: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  return c;
}
