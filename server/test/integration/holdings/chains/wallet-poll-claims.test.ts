import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrm } from '@/lib/db/orm';
import { inScopedTransaction } from '@/lib/db/request-db';
import { pollCadence } from '@/modules/holdings/polling/poll-schedule';
import { claimDueWallets } from '@/modules/holdings/wallets/wallet-poll-schedule';
import { Wallet as EthersWallet } from 'ethers';
import { createTestDatabase, type TestDatabase } from '../../../helpers/test-database';
import { insertWatchedWallet } from './chain-test-kit';

// The scheduler's claim of due wallets (wallets/wallet-poll-schedule.ts), against the real
// database with several schedulers at once: each due wallet is claimed once per cycle, and only
// wallets that should be polled are ever claimed.
describe('claiming due wallets', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let admin: pg.Client;
  const cadence = pollCadence({ POLL_INTERVAL_SECONDS: 300, POLL_JITTER_SECONDS: 30 });
  const claim = (chainIds: number[]) =>
    inScopedTransaction(orm, { role: 'vigil_system', source: 'test' }, (em) => claimDueWallets(em, cadence, chainIds));

  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await createOrm({ url: db.appUrl, poolMax: 8 });
    admin = new pg.Client({ connectionString: db.adminUrl });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await orm?.close(true);
    await db?.drop();
  });

  it('should claim each due wallet exactly once when several schedulers claim at the same time, and move it a whole interval ahead', async () => {
    const due = [];
    for (let i = 0; i < 40; i++)
      due.push((await insertWatchedWallet(admin, { address: EthersWallet.createRandom().address })).walletId);
    const claims = await Promise.all(Array.from({ length: 6 }, () => claim([31337])));
    const all = claims.flat();
    expect(all.sort()).toEqual([...due].sort());
    const { rows } = await admin.query<{ early: number }>(
      `SELECT count(*)::int AS early FROM wallets WHERE id = ANY($1::uuid[]) AND next_poll_at < now() + interval '299 seconds'`,
      [due],
    );
    expect(rows[0]!.early).toBe(0);
    expect(await claim([31337])).toEqual([]);
  });

  it('should never claim a removed wallet, one of an offboarded or invited employee, or one on a chain not configured', async () => {
    const removed = await insertWatchedWallet(admin, { address: EthersWallet.createRandom().address });
    await admin.query(`UPDATE wallets SET status = 'removed' WHERE id = $1`, [removed.walletId]);
    const offboarded = await insertWatchedWallet(admin, { address: EthersWallet.createRandom().address });
    const invited = await insertWatchedWallet(admin, { address: EthersWallet.createRandom().address });
    for (const [w, status] of [
      [offboarded, 'offboarded'],
      [invited, 'invited'],
    ] as const) {
      await admin.query(`UPDATE employees SET status = $2 FROM wallets w WHERE w.id = $1 AND employees.id = w.employee_id`, [
        w.walletId,
        status,
      ]);
    }
    const elsewhere = await insertWatchedWallet(admin, { address: EthersWallet.createRandom().address, chainId: 5 });
    const reonboarding = await insertWatchedWallet(admin, { address: EthersWallet.createRandom().address });
    await admin.query(
      `UPDATE employees SET status = 'needs_reonboarding' FROM wallets w WHERE w.id = $1 AND employees.id = w.employee_id`,
      [reonboarding.walletId],
    );
    expect(await claim([31337])).toEqual([reonboarding.walletId]);
    expect(await claim([])).toEqual([]);
    expect(await claim([5])).toEqual([elsewhere.walletId]);
  });
});
