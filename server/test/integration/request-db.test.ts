import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RequestDb } from '@/lib/db/request-db';
import { createTestOrg, startTestApp, type TestApp, type TestOrg } from '../helpers/test-app';

describe('RequestDb reads with a write alongside', () => {
  let app: TestApp;
  let org: TestOrg;
  let sql: pg.Client;

  beforeAll(async () => {
    app = await startTestApp();
    org = await createTestOrg(app);
    sql = new pg.Client({ connectionString: app.db.adminUrl });
    await sql.connect();
  });
  afterAll(async () => {
    await sql?.end();
    await app?.stop();
  });

  const db = () =>
    new RequestDb(app.vigil.deps.orm, {
      role: 'vigil_user',
      actorType: 'user',
      orgId: org.orgId,
      actorId: org.adminId,
      roleId: org.roles.Admin.id,
      permissions: ['users:read'],
    });
  const marker = (tag: string) =>
    `INSERT INTO audit_log (org_id, at, actor_type, action, outcome) VALUES ('${org.orgId}', now(), 'user', '${tag}', 'allowed')`;
  const count = async (tag: string) =>
    Number((await sql.query('SELECT count(*) FROM audit_log WHERE action = $1', [tag])).rows[0].count);

  it('should commit the write with the read and say so when the read succeeds', async () => {
    let committed = 0;
    const rows = await db().readRows<{ id: string }>('SELECT id FROM users', {
      sql: () => marker('test.alongside_ok'),
      committed: () => committed++,
    });
    expect(rows).toEqual([{ id: org.adminId }]);
    expect(committed).toBe(1);
    expect(await count('test.alongside_ok')).toBe(1);
  });

  it('should write nothing and report nothing committed when the read fails', async () => {
    let committed = 0;
    await expect(
      db().readRows('SELECT no_such_column FROM users', {
        sql: () => marker('test.alongside_failed'),
        committed: () => committed++,
      }),
    ).rejects.toMatchObject({ code: '42703' });
    expect(committed).toBe(0);
    expect(await count('test.alongside_failed')).toBe(0);
  });

  it('should refuse a write alongside that RLS does not allow, and the read with it', async () => {
    const foreign = `INSERT INTO audit_log (org_id, at, actor_type, action, outcome) VALUES (gen_random_uuid(), now(), 'user', 'test.alongside_foreign', 'allowed')`;
    await expect(db().readRows('SELECT id FROM users', { sql: () => foreign, committed: () => undefined })).rejects.toMatchObject(
      { code: '42501' },
    );
    expect(await count('test.alongside_foreign')).toBe(0);
  });
});
