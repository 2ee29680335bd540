import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminWithMfa,
  codeOf,
  createTestOrg,
  login,
  startTestApp,
  TEST_PASSWORD,
  type TestApp,
  type TestOrg,
} from '../../helpers/test-app';
import { adminSql, changePassword, OWN_PASSWORD, userWithGivenPassword } from './account-basics-kit';

// Issue 9, item 8 (d): a user whose password an Admin set must choose their own before anything
// else works. Enforced by the server: such a session carries no permissions and only `me`,
// `changePassword` and `logout` answer it.

const ME = '{ me { passwordChangeRequired permissions user { id passwordChangeRequired } } }';
// Fields of every kind: permission-gated reads, fields open to any signed-in user, MFA flows.
const REFUSED = [
  '{ users { nodes { id } } }',
  '{ permissionCatalog }',
  '{ auditEntries { nodes { id } } }',
  'mutation { beginMfaEnrollment { secret } }',
  'mutation { stepUp(code: "123456") { token } }',
  'mutation { confirmMfaEnrollment(code: "123456") { token } }',
  'mutation { regenerateRecoveryCodes }',
];

describe('forced password change at first sign-in', () => {
  let app: TestApp;
  let org: TestOrg;
  let admin: string;
  let sql: pg.Client;

  beforeAll(async () => {
    app = await startTestApp();
    org = await createTestOrg(app);
    admin = (await adminWithMfa(app, org)).token;
    sql = await adminSql(app);
  });
  afterAll(async () => {
    await sql?.end();
    await app?.stop();
  });

  const rowOf = async (id: string) =>
    (await sql.query('SELECT md5(u::text) AS digest, must_change_password FROM users u WHERE id = $1', [id])).rows[0] as {
      digest: string;
      must_change_password: boolean;
    };

  it('should answer FORBIDDEN to every field but me, changePassword and logout until the password is changed', async () => {
    const user = await userWithGivenPassword(app, { token: admin, organization: org.slug }, org.roles.Admin.id, 'forced');
    const token = await login(app, user);
    const me = await app.gql<{
      me: { passwordChangeRequired: boolean; permissions: string[]; user: { passwordChangeRequired: boolean } };
    }>(ME, {}, token);
    expect(me.data?.me).toMatchObject({ passwordChangeRequired: true, permissions: [], user: { passwordChangeRequired: true } });
    const before = await rowOf(user.id);
    expect(before.must_change_password).toBe(true);
    const codes = [];
    for (const doc of REFUSED) codes.push(codeOf(await app.gql(doc, {}, token)));
    expect(codes).toEqual(REFUSED.map(() => 'FORBIDDEN'));
    // Nothing was written by the refused calls (no pending enrolment, no recovery codes).
    expect((await rowOf(user.id)).digest).toBe(before.digest);
    expect((await sql.query('SELECT count(*)::int AS n FROM recovery_codes WHERE user_id = $1', [user.id])).rows[0].n).toBe(0);
    expect(await app.gql('mutation { logout }', {}, token)).toMatchObject({ data: { logout: true } });
  });

  it('should refuse keeping the given password, then open everything the role holds once a new one is chosen', async () => {
    const user = await userWithGivenPassword(app, { token: admin, organization: org.slug }, org.roles.Admin.id, 'forced');
    const token = await login(app, user);
    const same = await changePassword(app, token, TEST_PASSWORD, TEST_PASSWORD);
    expect(codeOf(same)).toBe('BAD_USER_INPUT');
    expect((await rowOf(user.id)).must_change_password).toBe(true);

    const changed = await changePassword(app, token, TEST_PASSWORD, OWN_PASSWORD);
    const fresh = changed.data!.changePassword.token;
    expect((await rowOf(user.id)).must_change_password).toBe(false);
    const me = await app.gql<{ me: { passwordChangeRequired: boolean; permissions: string[] } }>(ME, {}, fresh);
    expect(me.data?.me.passwordChangeRequired).toBe(false);
    expect(me.data?.me.permissions).toContain('users:write');
    expect(codeOf(await app.gql('{ users { nodes { id } } }', {}, fresh))).toBeUndefined();
    // The session that had to change the password ends with the change.
    expect(codeOf(await app.gql(ME, {}, token))).toBe('UNAUTHENTICATED');
    // And the next sign-in, with the new password, is an ordinary one.
    const next = await login(app, user, OWN_PASSWORD);
    expect(codeOf(await app.gql('{ permissionCatalog }', {}, next))).toBeUndefined();
  });

  it('should refuse a write to a forced session whose role holds it, and write nothing', async () => {
    const user = await userWithGivenPassword(app, { token: admin, organization: org.slug }, org.roles.Admin.id, 'forced');
    const token = await login(app, user);
    const write = await app.gql(
      `mutation { updateUser(id: "${user.id}", input: { name: "Renamed" }, justification: "renaming before changing password") { id } }`,
      {},
      token,
    );
    expect(codeOf(write)).toBe('FORBIDDEN');
    expect((await sql.query('SELECT name FROM users WHERE id = $1', [user.id])).rows[0].name).not.toBe('Renamed');
  });

  it('should refuse clearing the flag in the database without a new password, whoever writes', async () => {
    const user = await userWithGivenPassword(app, { token: admin, organization: org.slug }, org.roles.Viewer.id, 'forced');
    await expect(sql.query('UPDATE users SET must_change_password = false WHERE id = $1', [user.id])).rejects.toMatchObject({
      code: '42501',
    });
    expect((await rowOf(user.id)).must_change_password).toBe(true);
  });

  it('should not force a change on the first Admin of an organization, created with the organization', async () => {
    const token = await login(app, org.admin);
    const me = await app.gql<{ me: { passwordChangeRequired: boolean } }>(ME, {}, token);
    expect(me.data?.me.passwordChangeRequired).toBe(false);
  });
});
