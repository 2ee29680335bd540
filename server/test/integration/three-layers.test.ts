import { execute, parse } from 'graphql';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserActor } from '@/core/actor';
import { ObjectAccess } from '@/core/access/require-access';
import { RequestContext } from '@/core/request/request-context';
import { buildAppSchema } from '@/app/schema';
import { AppError } from '@/lib/errors/app-error';
import { RequestDb } from '@/lib/db/request-db';
import { UserService } from '@/core/identity/users/user.service';
import { createTestOrg, login, startTestApp, type TestApp, type TestOrg } from '../helpers/test-app';

// Permissions are enforced three times: the shield, the service, and RLS. Each test below takes
// the other two layers out of the way and shows the remaining one refusing on its own.
describe('each permission layer denies on its own', () => {
  let app: TestApp;
  let acme: TestOrg;
  let globex: TestOrg;

  beforeAll(async () => {
    app = await startTestApp();
    acme = await createTestOrg(app, 'Acme');
    globex = await createTestOrg(app, 'Globex');
    await login(app, acme.admin); // leaves audit entries in Acme's log
  });
  afterAll(() => app?.stop());

  const actorFor = (org: TestOrg, permissions: string[]): UserActor => ({
    kind: 'user',
    userId: org.adminId,
    orgId: org.orgId,
    roleId: org.roles.Admin.id,
    roleName: 'HR',
    permissions: new Set(permissions),
    aal: 2,
    mfaAt: Date.now(),
    session: { jti: crypto.randomUUID(), expiresAt: new Date(Date.now() + 3600_000), issuedAtMs: Date.now() },
  });

  it('should refuse in the shield before the resolver runs when the actor lacks the permission', async () => {
    const schema = await buildAppSchema();
    const ctx = new RequestContext(app.vigil.deps, 'test', '127.0.0.1', actorFor(acme, []));
    let dbTouched = false;
    Object.defineProperty(ctx, 'db', {
      get() {
        dbTouched = true;
        throw new Error('the resolver ran');
      },
    });
    const result = await execute({ schema, document: parse('{ users(first: 5) { nodes { id } } }'), contextValue: ctx });
    expect(result.errors?.[0]?.extensions?.code ?? (result.errors?.[0]?.originalError as AppError | undefined)?.code).toBe(
      'FORBIDDEN',
    );
    expect(dbTouched).toBe(false);
  });

  it('should refuse in the service before any SQL when called past the shield without the permission', async () => {
    const actor = actorFor(acme, []);
    const db = new RequestDb(app.vigil.deps.orm, {
      role: 'vigil_user',
      actorType: 'user',
      orgId: actor.orgId,
      actorId: actor.userId,
      roleId: actor.roleId,
      // RLS would let these through: only the service stands in the way.
      permissions: ['users:read', 'users:write', 'roles:read', 'roles:write'],
    });
    const service = new UserService({
      db,
      access: new ObjectAccess(app.vigil.deps.access, () => db),
      revocation: app.vigil.deps.revocation,
      logger: app.vigil.deps.logger,
    });
    await expect(service.list(actor, { first: 5 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      service.create(actor, {
        email: 'x@example.test',
        name: 'X',
        roleId: acme.roles.Viewer.id,
        password: 'long enough password',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(db.inTransaction).toBe(false);
  });

  describe('RLS, as the app role with direct SQL', () => {
    let client: pg.Client;
    beforeAll(async () => {
      client = new pg.Client({ connectionString: app.db.appUrl });
      await client.connect();
    });
    afterAll(() => client?.end());

    const asUser = async (org: TestOrg, permissions: string, sql: string) => {
      await client.query('BEGIN');
      try {
        await client.query('SET LOCAL ROLE vigil_user');
        await client.query(
          `SELECT set_config('app.org_id', $1, true), set_config('app.actor_id', $2, true), set_config('app.permissions', $3, true)`,
          [org.orgId, org.adminId, permissions],
        );
        return (await client.query(sql)).rows;
      } finally {
        await client.query('ROLLBACK');
      }
    };

    it("should return none of an org's rows to a session carrying another org's settings", async () => {
      const all = 'users:read,roles:read,audit:read';
      const seen = await asUser(
        globex,
        all,
        `SELECT org_id FROM users UNION ALL SELECT org_id FROM roles UNION ALL SELECT id FROM organizations UNION ALL SELECT org_id FROM audit_log UNION ALL SELECT org_id FROM audit_chain`,
      );
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.every((r: { org_id: string }) => r.org_id === globex.orgId)).toBe(true);
      const acmeRows = await asUser(globex, all, `SELECT id FROM users WHERE org_id = '${acme.orgId}'`);
      expect(acmeRows).toEqual([]);
    });

    it('should show a user without users:read only their own row', async () => {
      const rows = await asUser(acme, '', 'SELECT id FROM users');
      expect(rows).toEqual([{ id: acme.adminId }]);
      expect(await asUser(acme, '', 'SELECT seq FROM audit_chain UNION ALL SELECT id FROM audit_log')).toEqual([]);
    });

    it('should refuse writes that RLS does not allow, even with a crafted statement', async () => {
      await expect(
        asUser(
          acme,
          'users:read',
          `INSERT INTO roles (org_id, name, permissions) VALUES ('${acme.orgId}', 'Sneaky', '{users:write}')`,
        ),
      ).rejects.toMatchObject({ code: '42501' });
      const moved = await asUser(
        acme,
        'users:read',
        `UPDATE users SET name = 'pwned' WHERE org_id = '${globex.orgId}' RETURNING id`,
      );
      expect(moved).toEqual([]);
    });

    it('should refuse the bare app role everything: it must choose a scope first', async () => {
      await expect(client.query('SELECT id FROM users')).rejects.toMatchObject({ code: '42501' });
    });
  });

  it('should connect user sessions as a role that owns nothing and cannot bypass RLS', async () => {
    const admin = new pg.Client({ connectionString: app.db.adminUrl });
    await admin.connect();
    try {
      const roles = await admin.query(
        `SELECT rolname, rolsuper, rolbypassrls, rolinherit FROM pg_roles WHERE rolname IN ('vigil_app', 'vigil_user', 'vigil_system') ORDER BY rolname`,
      );
      expect(roles.rows).toEqual([
        { rolname: 'vigil_app', rolsuper: false, rolbypassrls: false, rolinherit: false },
        { rolname: 'vigil_system', rolsuper: false, rolbypassrls: false, rolinherit: true },
        { rolname: 'vigil_user', rolsuper: false, rolbypassrls: false, rolinherit: true },
      ]);
      const owned = await admin.query(
        `SELECT c.relname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner
         WHERE c.relnamespace = 'public'::regnamespace AND r.rolname IN ('vigil_app', 'vigil_user', 'vigil_system')`,
      );
      expect(owned.rows).toEqual([]);
      const unforced = await admin.query(
        `SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'
           AND relname <> 'schema_migrations' AND NOT (relrowsecurity AND relforcerowsecurity)`,
      );
      expect(unforced.rows).toEqual([]);
    } finally {
      await admin.end();
    }
  });
});
