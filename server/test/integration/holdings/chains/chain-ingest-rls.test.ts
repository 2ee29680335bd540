import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_ROLES, type BuiltInRoleName } from '@/core/access/permission-catalog';
import { scopePreamble, type DbScope } from '@/lib/db/db-scope';
import { sqlState } from '@/lib/db/pg-errors';
import { createTestDatabase, type TestDatabase } from '../../../helpers/test-database';
import { insertWatchedWallet } from './chain-test-kit';

// Migration 0020's grants and row-level security, by direct SQL as the request role: an org sees
// only its own rows and only with the permission for them; nobody but the ingest (vigil_system)
// writes; block hashes are the system's alone.
describe('chain ingest tables: grants and RLS', () => {
  let db: TestDatabase;
  let request: pg.Client;
  let orgA: string;
  let orgB: string;
  const TABLES = ['wallet_transfers', 'wallet_balance_snapshots', 'wallet_cursors'] as const;

  beforeAll(async () => {
    db = await createTestDatabase();
    const admin = new pg.Client({ connectionString: db.adminUrl });
    await admin.connect();
    const hash = `0x${'ab'.repeat(32)}`;
    const address = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
    // Each org watches the same address (two employees may share one): a real wallets row each.
    const watched = [
      await insertWatchedWallet(admin, { address, chainId: 1 }),
      await insertWatchedWallet(admin, { address, chainId: 1 }),
    ];
    [orgA, orgB] = [watched[0]!.orgId, watched[1]!.orgId];
    for (const { orgId: org, walletId: wallet } of watched) {
      await admin.query(
        `INSERT INTO wallet_transfers (org_id, wallet_id, chain_id, tx_hash, log_index, block_number, block_hash, block_time,
           token_address, from_address, to_address, direction, amount)
         VALUES ($1, $2, 1, $3, 0, 10, $3, now(), $4, $4, $4, 'self', 5)`,
        [org, wallet, hash, address],
      );
      await admin.query(
        `INSERT INTO wallet_balance_snapshots (org_id, wallet_id, chain_id, asset, symbol, decimals, amount, block_number, at)
         VALUES ($1, $2, 1, 'native', 'ETH', 18, 7, 10, now())`,
        [org, wallet],
      );
      await admin.query(
        `INSERT INTO wallet_cursors (org_id, wallet_id, chain_id, address, last_block) VALUES ($1, $2, 1, $3, 10)`,
        [org, wallet, address],
      );
    }
    await admin.query(`INSERT INTO chain_block_hashes (chain_id, block_number, block_hash, parent_hash) VALUES (1, 10, $1, $1)`, [
      hash,
    ]);
    await admin.end();
    request = new pg.Client({ connectionString: db.requestUrl });
    await request.connect();
  });
  afterAll(async () => {
    await request?.end();
    await db?.drop();
  });

  const scopeOf = (orgId: string, permissions: readonly string[]): DbScope => ({
    role: 'vigil_user',
    actorType: 'user',
    orgId,
    actorId: randomUUID(),
    roleId: null,
    permissions,
  });

  /** Runs `sql` as vigil_user under `scope`, rolled back afterwards; its rows, or its SQLSTATE. */
  async function asUser(
    scope: DbScope,
    sql: string,
  ): Promise<{ rows: Record<string, unknown>[] } | { state: string | undefined }> {
    await request.query('BEGIN');
    try {
      await request.query(scopePreamble(scope));
      return { rows: (await request.query(sql)).rows as Record<string, unknown>[] };
    } catch (err) {
      return { state: sqlState(err) };
    } finally {
      await request.query('ROLLBACK');
    }
  }

  /** Which organizations' rows each table shows to `scope`, as 'A' and 'B' (the ids are made in beforeAll). */
  const visible = async (scope: DbScope) => {
    const label = (org: string) => (org === orgA ? 'A' : org === orgB ? 'B' : org);
    const out: Record<string, string[]> = {};
    for (const table of TABLES) {
      const result = await asUser(scope, `SELECT org_id::text FROM ${table}`);
      out[table] = 'rows' in result ? result.rows.map((r) => label(String(r.org_id))) : [`error ${result.state}`];
    }
    return out;
  };

  it.each<[BuiltInRoleName, Record<string, string[]>]>([
    ['Admin', { wallet_transfers: ['A'], wallet_balance_snapshots: ['A'], wallet_cursors: ['A'] }],
    ['Compliance', { wallet_transfers: ['A'], wallet_balance_snapshots: ['A'], wallet_cursors: ['A'] }],
    ['Viewer', { wallet_transfers: [], wallet_balance_snapshots: ['A'], wallet_cursors: ['A'] }],
    // Until a policy bound to the employee's own wallets exists, the Employee role reads none.
    ['Employee', { wallet_transfers: [], wallet_balance_snapshots: [], wallet_cursors: [] }],
    ['Funder', { wallet_transfers: [], wallet_balance_snapshots: [], wallet_cursors: [] }],
  ])('should show the %s role of org A only what its permissions allow, and nothing of org B', async (role, expected) => {
    expect(await visible(scopeOf(orgA, BUILT_IN_ROLES[role].permissions))).toEqual(expected);
  });

  it('should show nothing to a scope with every permission but no organization setting', async () => {
    const all = BUILT_IN_ROLES.Admin.permissions;
    await request.query('BEGIN');
    try {
      await request.query(scopePreamble(scopeOf(orgA, all)));
      await request.query(`SELECT set_config('app.org_id', '', true)`);
      for (const table of TABLES) expect((await request.query(`SELECT 1 FROM ${table}`)).rows).toEqual([]);
    } finally {
      await request.query('ROLLBACK');
    }
  });

  it('should refuse every write by a request, and any read of block hashes, whatever its permissions', async () => {
    const scope = scopeOf(orgA, BUILT_IN_ROLES.Admin.permissions);
    const attempts = [
      `SELECT * FROM chain_block_hashes`,
      `DELETE FROM chain_block_hashes`,
      `UPDATE wallet_transfers SET amount = 0`,
      `DELETE FROM wallet_transfers`,
      `INSERT INTO wallet_cursors (org_id, wallet_id, chain_id, address, last_block)
         VALUES ('${orgA}', '${randomUUID()}', 1, '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', 0)`,
      `UPDATE wallet_cursors SET last_block = 0`,
      `DELETE FROM wallet_balance_snapshots`,
    ];
    for (const sql of attempts) expect(await asUser(scope, sql), sql).toEqual({ state: '42501' });
    const admin = new pg.Client({ connectionString: db.adminUrl });
    await admin.connect();
    try {
      const { rows } = await admin.query(`SELECT
        (SELECT count(*) FROM wallet_transfers WHERE amount = 5)::int AS transfers,
        (SELECT count(*) FROM wallet_cursors WHERE last_block = 10)::int AS cursors,
        (SELECT count(*) FROM wallet_balance_snapshots)::int AS snapshots,
        (SELECT count(*) FROM chain_block_hashes)::int AS hashes`);
      expect(rows[0]).toEqual({ transfers: 2, cursors: 2, snapshots: 2, hashes: 1 });
    } finally {
      await admin.end();
    }
  });
});
