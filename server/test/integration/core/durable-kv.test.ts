import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { durableKv, type SqlRunner } from '@/lib/kv/durable-kv';
import { createOrm } from '@/lib/db/orm';
import { inScopedTransaction } from '@/lib/db/request-db';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database';

// Issue 9, item 1: the embedded denylist survives a restart. durableKv answers from memory and
// writes through to kv_entries before a write returns; a new process reads the table back.
const fail = (err: unknown) => {
  throw err;
};

describe('durableKv', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let sql: pg.Client;
  let run: SqlRunner;

  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await createOrm({ url: db.appUrl, poolMax: 8 });
    sql = new pg.Client({ connectionString: db.adminUrl });
    await sql.connect();
    run = <T>(text: string, params: unknown[]) =>
      inScopedTransaction(orm, { role: 'vigil_system', source: 'kv' }, (em) => em.execute<T[]>(text, params));
  });
  afterAll(async () => {
    await sql?.end();
    await orm?.close(true);
    await db?.drop();
  });

  it('should answer after a restart what was written before it, and forget what expired', async () => {
    const before = await durableKv(run, fail);
    await before.setWithTtl('session:a', '1', 3600);
    await before.setWithTtl('session:short', '1', 1);
    await before.settled();
    await sql.query(`UPDATE kv_entries SET expires_at = now() - interval '1 second' WHERE key = 'session:short'`);
    const after = await durableKv(run, fail);
    expect(await after.getMany(['session:a', 'session:short', 'session:never'])).toEqual(['1', null, null]);
    expect((await sql.query(`SELECT key FROM kv_entries WHERE key LIKE 'session:%'`)).rows).toEqual([{ key: 'session:a' }]);
  });

  it('should keep the latest cutoff whichever of 100 concurrent writers arrives last, in memory and after a restart', async () => {
    const kv = await durableKv(run, fail);
    const orders = Array.from({ length: 100 }, (_, i) => 1_000 + ((i * 37) % 100));
    await Promise.all(orders.map((o) => kv.setIfLater('user:cutoff', o, `${o}:x`, 3600)));
    expect(await kv.getMany(['user:cutoff'])).toEqual(['1099:x']);
    await kv.settled();
    expect(await (await durableKv(run, fail)).getMany(['user:cutoff'])).toEqual(['1099:x']);
    await kv.setIfLater('user:cutoff', 5, '5:older', 3600);
    await kv.settled();
    expect(await (await durableKv(run, fail)).getMany(['user:cutoff'])).toEqual(['1099:x']);
  });

  it('should not be readable or writable by a request (vigil_user)', async () => {
    const err = await inScopedTransaction(orm, { role: 'vigil_system', source: 'kv' }, (em) =>
      em.execute(`SET LOCAL ROLE vigil_user; SELECT * FROM kv_entries`),
    ).catch((e: unknown) => e as { code?: string });
    expect((err as { code?: string }).code).toBe('42501');
  });
});
