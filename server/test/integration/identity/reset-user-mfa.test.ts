import type pg from 'pg';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminWithMfa, codeOf, createTestOrg, login, startTestApp, type TestApp, type TestOrg } from '../../helpers/test-app';
import { adminSql, enrolWithCodes, J, OWN_PASSWORD, STEP_UP, userWithOwnPassword } from './account-basics-kit';

// Issue 9, item 8 (b): an Admin resets another user's MFA from the console: AAL2 and a written
// justification like every Admin write; the TOTP secret and the recovery codes are cleared and
// every session of the user ends, a step-up racing the reset included.

const RESET = `mutation($id: ID!, $j: String!) { resetUserMfa(id: $id, justification: $j) { id mfaEnabled sessionsEndedAt } }`;
const ME = '{ me { user { id } } }';

describe("an Admin resets another user's MFA", () => {
  let app: TestApp;
  let org: TestOrg;
  let admin: { token: string; secret: string };
  let sql: pg.Client;

  beforeAll(async () => {
    app = await startTestApp({ MFA_MAX_FAILURES_PER_USER: '1000', MFA_MAX_FAILURES_PER_IP: '1000' });
    org = await createTestOrg(app);
    admin = await adminWithMfa(app, org);
    sql = await adminSql(app);
  });
  afterAll(async () => {
    await sql?.end();
    await app?.stop();
  });

  const enrolledUser = async (inOrg?: { token: string; organization: string; roleId: string }) => {
    const where = inOrg ?? { token: admin.token, organization: org.slug, roleId: org.roles.Compliance.id };
    const user = await userWithOwnPassword(app, where, where.roleId, 'mfa');
    return { ...user, ...(await enrolWithCodes(app, user.token)) };
  };
  /** What a refused reset must leave: the user's row and codes, and the Admin log. */
  const stateOf = async (userId: string) =>
    (
      await sql.query(
        `SELECT (SELECT md5(u::text) FROM users u WHERE id = $1) AS user_row,
                (SELECT count(*)::int FROM recovery_codes WHERE user_id = $1) AS codes,
                (SELECT count(*)::int FROM admin_audit_log) AS admin_log`,
        [userId],
      )
    ).rows[0] as { user_row: string; codes: number; admin_log: number };

  it('should clear the secret and the recovery codes, end every session, and log the justification', async () => {
    const user = await enrolledUser();
    const res = await app.gql<{ resetUserMfa: { id: string; mfaEnabled: boolean; sessionsEndedAt: string | null } }>(
      RESET,
      { id: user.id, j: 'lost their phone, ticket SEC-12' },
      admin.token,
    );
    expect(res.data?.resetUserMfa).toMatchObject({ id: user.id, mfaEnabled: false });
    expect(res.data?.resetUserMfa.sessionsEndedAt).toEqual(expect.any(String));
    const row = (await sql.query('SELECT mfa_secret_enc, mfa_pending_enc, mfa_enabled_at FROM users WHERE id = $1', [user.id]))
      .rows[0];
    expect(row).toEqual({ mfa_secret_enc: null, mfa_pending_enc: null, mfa_enabled_at: null });
    expect((await stateOf(user.id)).codes).toBe(0);
    expect(codeOf(await app.gql(ME, {}, user.token))).toBe('UNAUTHENTICATED');
    const logged = await sql.query(
      `SELECT actor_id, resource_id, justification FROM admin_audit_log WHERE action = 'mutation.resetUserMfa'`,
    );
    expect(logged.rows).toEqual([
      { actor_id: org.adminId, resource_id: user.id, justification: 'lost their phone, ticket SEC-12' },
    ]);
    // They sign in with the password alone and may enrol again.
    const again = await app.gql<{ login: { token: string; mfaRequired: boolean } }>(
      'mutation($i: LoginInput!) { login(input: $i) { token mfaRequired } }',
      { i: { ...user.account, password: OWN_PASSWORD } },
    );
    expect(again.data?.login.mfaRequired).toBe(false);
    expect(codeOf(await app.gql(STEP_UP, { code: user.codes[0] }, again.data!.login.token))).toBe('BAD_USER_INPUT');
  });

  it('should refuse an Admin at AAL1 and change nothing', async () => {
    const user = await enrolledUser();
    const before = await stateOf(user.id);
    const res = await app.gql(RESET, { id: user.id, j: J }, await login(app, org.admin));
    expect(codeOf(res)).toBe('MFA_REQUIRED');
    expect(await stateOf(user.id)).toEqual(before);
    expect(codeOf(await app.gql(ME, {}, user.token))).toBeUndefined();
  });

  it('should refuse a missing or blank justification and change nothing', async () => {
    const user = await enrolledUser();
    const before = await stateOf(user.id);
    const missing = await app.gql(`mutation($id: ID!) { resetUserMfa(id: $id) { id } }`, { id: user.id }, admin.token);
    expect(codeOf(missing)).toBe('GRAPHQL_VALIDATION_FAILED');
    for (const j of ['', '   ', 'too short'])
      expect(codeOf(await app.gql(RESET, { id: user.id, j }, admin.token))).toBe('BAD_USER_INPUT');
    expect(await stateOf(user.id)).toEqual(before);
  });

  it("should answer NOT_FOUND for another organization's user and leave them untouched", async () => {
    const other = await createTestOrg(app);
    const otherAdmin = await adminWithMfa(app, other);
    const victim = await enrolledUser({ token: otherAdmin.token, organization: other.slug, roleId: other.roles.Viewer.id });
    const before = await stateOf(victim.id);
    const res = await app.gql(RESET, { id: victim.id, j: J }, admin.token);
    expect(codeOf(res)).toBe('NOT_FOUND');
    expect(await stateOf(victim.id)).toEqual(before);
    expect(codeOf(await app.gql(ME, {}, victim.token))).toBeUndefined();
  });

  it("should refuse an Admin's own MFA with BAD_USER_INPUT, and a holder without users:write with FORBIDDEN", async () => {
    const before = await stateOf(org.adminId);
    const own = await app.gql(RESET, { id: org.adminId, j: J }, admin.token);
    expect(codeOf(own)).toBe('BAD_USER_INPUT');
    expect(own.errors?.[0]?.message).toMatch(/your own MFA/);
    const compliance = await enrolledUser();
    const target = await enrolledUser();
    const targetBefore = await stateOf(target.id);
    expect(codeOf(await app.gql(RESET, { id: target.id, j: J }, compliance.token))).toBe('FORBIDDEN');
    expect(await stateOf(target.id)).toEqual(targetBefore);
    expect((await stateOf(org.adminId)).user_row).toBe(before.user_row);
  });

  it('should leave no session usable from step-ups racing the reset', async () => {
    const user = await enrolledUser();
    const sessions = await Promise.all(Array.from({ length: 6 }, () => login(app, user.account, OWN_PASSWORD)));
    const stepUps = sessions.map((s, i) => app.gql<{ stepUp: { token: string } }>(STEP_UP, { code: user.codes[i] }, s));
    const [reset, ...ups] = await Promise.all([app.gql(RESET, { id: user.id, j: J }, admin.token), ...stepUps]);
    expect(codeOf(reset)).toBeUndefined();
    const issued = ups.flatMap((u) => (u.data?.stepUp ? [u.data.stepUp.token] : []));
    for (const token of [...issued, ...sessions, user.token])
      expect(codeOf(await app.gql(ME, {}, token))).toBe('UNAUTHENTICATED');
    // A TOTP code of the cleared secret does not step anyone up either.
    const fresh = await login(app, user.account, OWN_PASSWORD);
    const totp = await generate({ secret: user.secret, epoch: Math.floor(Date.now() / 1000) + 30 });
    expect(codeOf(await app.gql(STEP_UP, { code: totp }, fresh))).toBe('BAD_USER_INPUT');
  });

  it("should show an Admin the user's last sign-in and when their sessions were last ended", async () => {
    const user = await enrolledUser();
    await login(app, user.account, OWN_PASSWORD);
    const detail = await app.gql<{
      user: { lastSignInAt: string | null; sessionsEndedAt: string | null; passwordChangeRequired: boolean };
    }>(`query($id: ID!) { user(id: $id) { lastSignInAt sessionsEndedAt passwordChangeRequired } }`, { id: user.id }, admin.token);
    const u = detail.data!.user;
    expect(u.passwordChangeRequired).toBe(false);
    expect(Date.now() - Date.parse(u.lastSignInAt!)).toBeLessThan(60_000);
    // Their own password change ended their earlier sessions.
    expect(Date.parse(u.sessionsEndedAt!)).toBeLessThanOrEqual(Date.parse(u.lastSignInAt!));
  });
});
