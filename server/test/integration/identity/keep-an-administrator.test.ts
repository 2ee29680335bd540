import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAST_ADMINISTRATOR_MESSAGE } from '@/core/identity/orgs/keep-an-administrator';
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

// Issue 9, item 2: no organization can lock itself out. It always keeps an enabled user whose
// role holds users:write and roles:write; the database refuses the change that would leave none
// (so concurrent demotions cannot both pass), and the service answers it as CONFLICT.
const J = 'testing that an org keeps an administrator';
const ASSIGN = `mutation($u: ID!, $r: ID!) { assignRole(userId: $u, roleId: $r, justification: "${J}") { id } }`;
const DISABLE = `mutation($u: ID!) { updateUser(id: $u, input: { disabled: true }, justification: "${J}") { id } }`;

describe('no organization can lock itself out', () => {
  let app: TestApp;
  let sql: pg.Client;

  beforeAll(async () => {
    app = await startTestApp();
    sql = new pg.Client({ connectionString: app.db.adminUrl });
    await sql.connect();
  });
  afterAll(async () => {
    await sql?.end();
    await app?.stop();
  });

  const administrators = async (orgId: string) =>
    Number(
      (
        await sql.query(
          `SELECT count(*) FROM users u JOIN roles r ON r.id = u.role_id
            WHERE u.org_id = $1 AND NOT u.disabled AND r.permissions @> ARRAY['users:write', 'roles:write']`,
          [orgId],
        )
      ).rows[0].count,
    );
  const stateOf = async (userId: string) =>
    (await sql.query('SELECT role_id, disabled FROM users WHERE id = $1', [userId])).rows[0] as {
      role_id: string;
      disabled: boolean;
    };

  /** An org with `n` Admins, each signed in at AAL2. */
  async function orgWithAdmins(n: number): Promise<{ org: TestOrg; admins: { id: string; token: string }[] }> {
    const org = await createTestOrg(app);
    const first = (await adminWithMfa(app, org)).token;
    const admins = [{ id: org.adminId, token: first }];
    for (let i = 1; i < n; i++) {
      const user = await createUserWithRole(app, first, org.roles.Admin.id, `admin${i}`);
      admins.push({ id: user.id, token: (await enrolMfa(app, await login(app, user))).token });
    }
    return { org, admins };
  }

  it('should refuse the last Admin demoting itself with CONFLICT and a clear message, and change nothing', async () => {
    const { org, admins } = await orgWithAdmins(1);
    const res = await app.gql(ASSIGN, { u: org.adminId, r: org.roles.Viewer.id }, admins[0]!.token);
    expect(codeOf(res)).toBe('CONFLICT');
    expect(res.errors![0]!.message).toBe(LAST_ADMINISTRATOR_MESSAGE);
    expect(await stateOf(org.adminId)).toEqual({ role_id: org.roles.Admin.id, disabled: false });
    // The session it had still works: nothing was cut off for a change that did not happen.
    expect((await app.gql('{ me { user { id } } }', {}, admins[0]!.token)).data).toBeTruthy();
  });

  it('should keep exactly one of two Admins who demote and disable each other at once, over 100 parallel attempts', async () => {
    const { org, admins } = await orgWithAdmins(4);
    const attempts = Array.from({ length: 120 }, (_, i) => {
      const by = admins[i % 4]!;
      const target = admins[(i + 1 + (i % 3)) % 4]!;
      return i % 2 === 0
        ? app.gql(ASSIGN, { u: target.id, r: org.roles.Viewer.id }, by.token)
        : app.gql(DISABLE, { u: target.id }, by.token);
    });
    const codes = (await Promise.all(attempts)).map((r) => codeOf(r) ?? 'ok');
    expect(await administrators(org.orgId)).toBe(1);
    expect(codes).toContain('CONFLICT');
    // Every refusal is a clear one: the last administrator (CONFLICT), or a session ended by a
    // demotion that committed first (UNAUTHENTICATED), or a target already changed (ok again).
    expect(new Set(codes.filter((c) => c !== 'ok'))).toSatisfy((s: Set<string>) =>
      [...s].every((c) => ['CONFLICT', 'UNAUTHENTICATED'].includes(c)),
    );
  });

  it('should refuse weakening the custom role of the last administrator, and leave the role as it was', async () => {
    const { org, admins } = await orgWithAdmins(1);
    const admin = admins[0]!.token;
    const created = await app.gql<{ createRole: { id: string } }>(
      `mutation($input: CreateRoleInput!) { createRole(input: $input, justification: "${J}") { id } }`,
      { input: { name: 'Keeper', permissions: ['users:read', 'users:write', 'roles:read', 'roles:write'] } },
      admin,
    );
    const keeperRole = created.data!.createRole.id;
    const keeper = await createUserWithRole(app, admin, keeperRole, 'keeper');
    const keeperToken = (await enrolMfa(app, await login(app, keeper))).token;
    // The Admin steps down: the keeper is now the only one who can administer.
    expect(codeOf(await app.gql(ASSIGN, { u: org.adminId, r: org.roles.Viewer.id }, keeperToken))).toBeUndefined();
    const res = await app.gql(
      `mutation($id: ID!) { updateRole(id: $id, input: { permissions: ["users:read", "users:write", "roles:read"] }, justification: "${J}") { id } }`,
      { id: keeperRole },
      keeperToken,
    );
    expect(codeOf(res)).toBe('CONFLICT');
    expect((await sql.query('SELECT permissions FROM roles WHERE id = $1', [keeperRole])).rows[0].permissions).toContain(
      'roles:write',
    );
    expect(await administrators(org.orgId)).toBe(1);
  });

  it('should refuse the same by direct SQL, whoever runs it', async () => {
    const { org } = await orgWithAdmins(2);
    const err = await sql
      .query('UPDATE users SET disabled = true WHERE org_id = $1', [org.orgId])
      .then(() => undefined)
      .catch((e: { code?: string }) => e);
    expect(err?.code).toBe('VGA01');
    expect(await administrators(org.orgId)).toBe(2);
  });
});
