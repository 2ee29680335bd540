import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS } from '@/core/access/permission-catalog';
import {
  adminWithMfa,
  codeOf,
  createTestOrg,
  createUserWithRole,
  enrolMfa,
  login,
  startTestApp,
  type TestApp,
  type TestOrg,
} from '../../helpers/test-app';

// R9: nobody grants a permission they do not hold, and no role both administers and releases:
// refused by the service, and again by the database on its own.
const J = 'testing who may grant what';

describe('no one grants what they do not hold', () => {
  let app: TestApp;
  let org: TestOrg;
  let admin: string;
  let sql: pg.Client;

  beforeAll(async () => {
    app = await startTestApp();
    org = await createTestOrg(app);
    admin = (await adminWithMfa(app, org)).token;
    sql = new pg.Client({ connectionString: app.db.adminUrl });
    await sql.connect();
  });
  afterAll(async () => {
    await sql?.end();
    await app?.stop();
  });

  const roleCount = async () =>
    Number((await sql.query('SELECT count(*) FROM roles WHERE org_id = $1', [org.orgId])).rows[0].count);
  const roleOf = async (userId: string) =>
    (await sql.query('SELECT role_id FROM users WHERE id = $1', [userId])).rows[0].role_id as string;
  const createRole = (token: string, permissions: string[], name = `R ${Math.random()}`) =>
    app.gql<{ createRole: { id: string } }>(
      'mutation($input: CreateRoleInput!) { createRole(input: $input, justification: "testing who may grant what") { id permissions } }',
      { input: { name, permissions } },
      token,
    );

  it('should refuse an Admin a role holding all 28 permissions, releases:write included, and create nothing', async () => {
    const before = await roleCount();
    const res = await createRole(admin, [...PERMISSIONS]);
    expect(PERMISSIONS).toHaveLength(28);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.message).toMatch(/cannot both administer .* and approve or release/);
    const lacking = await createRole(admin, ['audit:read', 'releases:write']);
    expect(codeOf(lacking)).toBe('FORBIDDEN');
    expect(lacking.errors![0]!.message).toBe('You cannot grant permissions you do not hold: releases:write');
    expect(await roleCount()).toBe(before);
  });

  it('should refuse to edit a custom role into holding what the editor lacks, and leave it as it was', async () => {
    const role = await createRole(admin, ['audit:read']);
    const id = role.data!.createRole.id;
    const res = await app.gql(
      `mutation($id: ID!) { updateRole(id: $id, input: { permissions: ["audit:read", "alerts:write"] }, justification: "${J}") { id } }`,
      { id },
      admin,
    );
    expect(codeOf(res)).toBe('FORBIDDEN');
    expect((await sql.query('SELECT permissions FROM roles WHERE id = $1', [id])).rows[0].permissions).toEqual(['audit:read']);
  });

  it('should let an Admin provision built-in business roles to others, never to itself, and never give administering permissions it lacks', async () => {
    const funder = await createUserWithRole(app, admin, org.roles.Funder.id, 'funder');
    expect(await roleOf(funder.id)).toBe(org.roles.Funder.id);
    const self = await app.gql(
      `mutation($u: ID!, $r: ID!) { assignRole(userId: $u, roleId: $r, justification: "${J}") { id } }`,
      { u: org.adminId, r: org.roles.Funder.id },
      admin,
    );
    expect(codeOf(self)).toBe('FORBIDDEN');
    expect(self.errors![0]!.message).toMatch(/You cannot give yourself permissions you do not hold: .*releases:write/);
    expect(await roleOf(org.adminId)).toBe(org.roles.Admin.id);

    // A user manager (users and roles, nothing else) cannot make anyone an Admin: Admin holds
    // partners:write and api_keys:write, administering permissions the manager lacks.
    const managers = await createRole(admin, ['users:read', 'users:write', 'roles:read', 'roles:write'], 'User managers');
    const manager = await createUserWithRole(app, admin, managers.data!.createRole.id, 'manager');
    const managerToken = (await enrolMfa(app, await login(app, manager))).token;
    const target = await createUserWithRole(app, admin, org.roles.Viewer.id, 'target');
    const attempts = await Promise.all(
      Array.from({ length: 100 }, () =>
        app.gql(
          `mutation($u: ID!, $r: ID!) { assignRole(userId: $u, roleId: $r, justification: "${J}") { id } }`,
          { u: target.id, r: org.roles.Admin.id },
          managerToken,
        ),
      ),
    );
    expect(attempts.every((a) => codeOf(a) === 'FORBIDDEN')).toBe(true);
    expect(await roleOf(target.id)).toBe(org.roles.Viewer.id);
    const created = await app.gql(
      'mutation($input: CreateUserInput!) { createUser(input: $input, justification: "testing who may grant what") { id } }',
      {
        input: {
          email: 'made-admin@example.test',
          name: 'Made Admin',
          roleId: org.roles.Admin.id,
          password: 'long enough password',
        },
      },
      managerToken,
    );
    expect(codeOf(created)).toBe('FORBIDDEN');
    expect((await sql.query(`SELECT count(*) FROM users WHERE email = 'made-admin@example.test'`)).rows[0].count).toBe('0');
  });

  describe('the database on its own', () => {
    // As a request's scope, with direct SQL: the service is out of the way.
    async function asActor(permissions: string, actorId: string, statement: string) {
      const c = new pg.Client({ connectionString: app.db.appUrl });
      await c.connect();
      try {
        await c.query('BEGIN');
        await c.query('SET LOCAL ROLE vigil_user');
        await c.query(
          `SELECT set_config('app.org_id', $1, true), set_config('app.actor_id', $2, true), set_config('app.permissions', $3, true)`,
          [org.orgId, actorId, permissions],
        );
        return await c.query(statement);
      } finally {
        await c.query('ROLLBACK').catch(() => undefined);
        await c.end();
      }
    }
    const adminPerms = 'users:read,users:write,roles:read,roles:write,audit:read';

    it('should refuse a role that both administers and releases, even written by the owner', async () => {
      await expect(
        sql.query(`INSERT INTO roles (org_id, name, permissions) VALUES ($1, 'Both', '{users:write,releases:write}')`, [
          org.orgId,
        ]),
      ).rejects.toMatchObject({ code: '23514' });
    });

    it('should refuse a request defining a role with a permission it lacks', async () => {
      await expect(
        asActor(
          adminPerms,
          org.adminId,
          `INSERT INTO roles (org_id, name, permissions) VALUES ('${org.orgId}', 'Sneaky', '{deals:write}')`,
        ),
      ).rejects.toMatchObject({ code: '42501' });
    });

    it('should refuse a request giving itself, or anyone, a role with administering permissions it lacks', async () => {
      await expect(
        asActor(adminPerms, org.adminId, `UPDATE users SET role_id = '${org.roles.Funder.id}' WHERE id = '${org.adminId}'`),
      ).rejects.toMatchObject({ code: '42501', message: 'a role is given only by someone who holds its permissions' });
      const viewer = await createUserWithRole(app, admin, org.roles.Viewer.id, 'db-target');
      await expect(
        asActor(adminPerms, org.adminId, `UPDATE users SET role_id = '${org.roles.Admin.id}' WHERE id = '${viewer.id}'`),
      ).rejects.toMatchObject({ code: '42501' });
      expect(await roleOf(viewer.id)).toBe(org.roles.Viewer.id);
    });
  });
});
