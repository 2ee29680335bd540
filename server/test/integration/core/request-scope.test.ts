import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbScopeOf, type UserActor } from '@/core/actor';
import { RequestDb } from '@/lib/db/request-db';
import { createTestOrg, startTestApp, type TestApp, type TestOrg } from '../../helpers/test-app';

// A request cannot leave its scope: requests connect as vigil_request, which can become
// vigil_user (bound by RLS) and nothing else. SQL smuggled into a request's transaction cannot
// switch to vigil_system and read other orgs.
describe('a request cannot leave its scope', () => {
  let app: TestApp;
  let acme: TestOrg;
  let globex: TestOrg;

  beforeAll(async () => {
    app = await startTestApp();
    acme = await createTestOrg(app, 'Acme');
    globex = await createTestOrg(app, 'Globex');
  });
  afterAll(() => app?.stop());

  const actor = (): UserActor => ({
    kind: 'user',
    userId: acme.adminId,
    orgId: acme.orgId,
    roleId: acme.roles.Admin.id,
    roleName: 'Admin',
    permissions: new Set(['users:read']),
    aal: 1,
    mfaAt: null,
    session: { jti: 'j', expiresAt: new Date(Date.now() + 60_000), issuedAtMs: Date.now() },
  });

  it("should run every request's transaction as vigil_request", async () => {
    const db = new RequestDb(app.vigil.deps.requestOrm, dbScopeOf(actor()));
    const [row] = await db.readRows<{ session_user: string; current_user: string }>('SELECT session_user, current_user');
    expect(row).toEqual({ session_user: 'vigil_request', current_user: 'vigil_user' });
    expect(app.vigil.deps.requestOrm).not.toBe(app.vigil.deps.orm);
  });

  it('should refuse SQL smuggled into a request that tries to become vigil_system, and show no other org', async () => {
    const db = new RequestDb(app.vigil.deps.requestOrm, dbScopeOf(actor()));
    await expect(db.readRows('SET LOCAL ROLE vigil_system; SELECT org_id FROM users')).rejects.toMatchObject({ code: '42501' });
    await expect(db.readRows('RESET ROLE; SET ROLE vigil_system; SELECT org_id FROM users')).rejects.toMatchObject({
      code: '42501',
    });
    const seen = await db.readRows<{ org_id: string }>('SELECT org_id FROM users');
    expect(seen.every((r) => r.org_id === acme.orgId)).toBe(true);
    expect(seen.some((r) => r.org_id === globex.orgId)).toBe(false);
  });

  it('should leave the request login role nothing of its own and no way to the system role, by direct SQL', async () => {
    const c = new pg.Client({ connectionString: app.db.requestUrl });
    await c.connect();
    try {
      await expect(c.query('SELECT id FROM users')).rejects.toMatchObject({ code: '42501' });
      await expect(c.query('SET ROLE vigil_system')).rejects.toMatchObject({ code: '42501' });
      await expect(c.query('SET ROLE vigil_app')).rejects.toMatchObject({ code: '42501' });
      await expect(c.query('SET ROLE vigil_owner')).rejects.toMatchObject({ code: '42501' });
      await c.query('BEGIN');
      await c.query('SET LOCAL ROLE vigil_user');
      await expect(c.query('SET LOCAL ROLE vigil_system')).rejects.toMatchObject({ code: '42501' });
      await c.query('ROLLBACK');
    } finally {
      await c.end();
    }
    const admin = new pg.Client({ connectionString: app.db.adminUrl });
    await admin.connect();
    try {
      const { rows } = await admin.query(
        `SELECT r.rolname, r.rolsuper, r.rolbypassrls, r.rolinherit,
           ARRAY(SELECT g.rolname::text FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid WHERE m.member = r.oid ORDER BY 1) AS member_of
         FROM pg_roles r WHERE r.rolname = 'vigil_request'`,
      );
      expect(rows).toEqual([
        { rolname: 'vigil_request', rolsuper: false, rolbypassrls: false, rolinherit: false, member_of: ['vigil_user'] },
      ]);
    } finally {
      await admin.end();
    }
  });
});
