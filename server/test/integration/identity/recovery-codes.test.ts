import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminWithMfa, codeOf, createTestOrg, login, startTestApp, type TestApp, type TestOrg } from '../../helpers/test-app';
import { adminSql, enrolWithCodes, OWN_PASSWORD, sha256, STEP_UP, userWithOwnPassword } from './account-basics-kit';

// Issue 9, item 8 (c): ten single-use recovery codes at MFA enrolment, shown once, stored hashed,
// each usable once in place of a TOTP code at step-up, every use audited.

const REMAINING = '{ me { recoveryCodesRemaining } }';
const plain = (code: string) => code.replace(/-/g, '');

describe('TOTP recovery codes', () => {
  let app: TestApp;
  let org: TestOrg;
  let admin: string;
  let sql: pg.Client;

  beforeAll(async () => {
    // Every parallel attempt must reach the database: the guess limits would otherwise stop most
    // of them before the race this suite is about.
    app = await startTestApp({ MFA_MAX_FAILURES_PER_USER: '1000', MFA_MAX_FAILURES_PER_IP: '1000' });
    org = await createTestOrg(app);
    admin = (await adminWithMfa(app, org)).token;
    sql = await adminSql(app);
  });
  afterAll(async () => {
    await sql?.end();
    await app?.stop();
  });

  const enrolledUser = async () => {
    const user = await userWithOwnPassword(app, { token: admin, organization: org.slug }, org.roles.Viewer.id, 'recovery');
    return { ...user, ...(await enrolWithCodes(app, user.token)) };
  };
  const remaining = async (token: string) =>
    (await app.gql<{ me: { recoveryCodesRemaining: number } }>(REMAINING, {}, token)).data!.me.recoveryCodesRemaining;
  const usesOf = async (userId: string) =>
    (
      await sql.query(
        `SELECT actor_id, resource_id, details FROM audit_log WHERE action = 'identity.recovery_code_used' AND resource_id = $1`,
        [userId],
      )
    ).rows as { actor_id: string; resource_id: string; details: { remaining: number } }[];

  it('should issue ten distinct codes once at enrolment and store only their SHA-256', async () => {
    const user = await enrolledUser();
    expect(user.codes).toHaveLength(10);
    expect(new Set(user.codes).size).toBe(10);
    for (const code of user.codes) expect(code).toMatch(/^[a-z2-7]{5}(-[a-z2-7]{5}){3}$/);
    const rows = (await sql.query('SELECT code_hash, used_at FROM recovery_codes WHERE user_id = $1', [user.id])).rows;
    expect(rows.map((r) => r.code_hash).sort()).toEqual(user.codes.map((c) => sha256(plain(c))).sort());
    expect(JSON.stringify(rows)).not.toContain(plain(user.codes[0]!));
    expect(await remaining(user.token)).toBe(10);
    // A sign-in's payload never carries them again.
    const again = await app.gql<{ login: { recoveryCodes: string[] | null } }>(
      'mutation($i: LoginInput!) { login(input: $i) { recoveryCodes } }',
      { i: { ...user.account, password: OWN_PASSWORD } },
    );
    expect(again.data?.login.recoveryCodes).toBeNull();
  });

  it('should step up with a recovery code once, audit the use, and refuse the same code the second time', async () => {
    const user = await enrolledUser();
    const code = user.codes[3]!.toUpperCase();
    const up = await app.gql<{ stepUp: { token: string; aal: number } }>(
      STEP_UP,
      { code },
      await login(app, user.account, OWN_PASSWORD),
    );
    expect(up.data?.stepUp.aal).toBe(2);
    expect(await remaining(up.data!.stepUp.token)).toBe(9);
    expect(await usesOf(user.id)).toEqual([
      { actor_id: user.id, resource_id: user.id, details: expect.objectContaining({ remaining: 9 }) },
    ]);
    const replay = await app.gql(STEP_UP, { code }, await login(app, user.account, OWN_PASSWORD));
    expect(codeOf(replay)).toBe('FORBIDDEN');
    expect(await usesOf(user.id)).toHaveLength(1);
  });

  it('should let exactly one of 100 parallel uses of one code succeed', async () => {
    const user = await enrolledUser();
    // Ten sessions, ten attempts each: a success ends its own session, so attempts on it that
    // arrive later are refused at the edge; the others' reach the database together.
    const sessions = await Promise.all(Array.from({ length: 10 }, () => login(app, user.account, OWN_PASSWORD)));
    const code = user.codes[0]!;
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => app.gql<{ stepUp: { aal: number } }>(STEP_UP, { code }, sessions[i % 10])),
    );
    const ok = results.filter((r) => r.data?.stepUp?.aal === 2);
    expect(ok).toHaveLength(1);
    const refused = results.map(codeOf).filter((c) => c === 'FORBIDDEN' || c === 'UNAUTHENTICATED');
    expect(refused).toHaveLength(99);
    expect(refused.filter((c) => c === 'FORBIDDEN').length).toBeGreaterThanOrEqual(90);
    expect(results.every((r) => r.status < 500)).toBe(true);
    const used = await sql.query('SELECT count(*)::int AS n FROM recovery_codes WHERE user_id = $1 AND used_at IS NOT NULL', [
      user.id,
    ]);
    expect(used.rows[0].n).toBe(1);
    expect(await usesOf(user.id)).toHaveLength(1);
  }, 60_000);

  it("should refuse another user's code, and a code of the right shape that was never issued", async () => {
    const a = await enrolledUser();
    const b = await enrolledUser();
    const session = await login(app, b.account, OWN_PASSWORD);
    expect(codeOf(await app.gql(STEP_UP, { code: a.codes[0] }, session))).toBe('FORBIDDEN');
    expect(codeOf(await app.gql(STEP_UP, { code: 'aaaaa-aaaaa-aaaaa-aaaaa' }, session))).toBe('FORBIDDEN');
    expect(codeOf(await app.gql(STEP_UP, { code: 'aaaaa-aaaaa-aaaaa-aaaa1' }, session))).toBe('BAD_USER_INPUT');
    const unused = await sql.query(
      'SELECT count(*)::int AS n FROM recovery_codes WHERE used_at IS NOT NULL AND user_id = ANY($1)',
      [[a.id, b.id]],
    );
    expect(unused.rows[0].n).toBe(0);
  });

  it('should regenerate only at AAL2, replacing every earlier code', async () => {
    const user = await enrolledUser();
    const aal1 = await login(app, user.account, OWN_PASSWORD);
    const refused = await app.gql('mutation { regenerateRecoveryCodes }', {}, aal1);
    expect(codeOf(refused)).toBe('MFA_REQUIRED');
    const hashes = async () =>
      (await sql.query('SELECT code_hash FROM recovery_codes WHERE user_id = $1 ORDER BY code_hash', [user.id])).rows.map(
        (r) => r.code_hash,
      );
    const before = await hashes();
    expect(before).toHaveLength(10);

    const regenerated = await app.gql<{ regenerateRecoveryCodes: string[] }>(
      'mutation { regenerateRecoveryCodes }',
      {},
      user.token,
    );
    const fresh = regenerated.data!.regenerateRecoveryCodes;
    expect(fresh).toHaveLength(10);
    const after = await hashes();
    expect(after).toEqual(fresh.map((c) => sha256(plain(c))).sort());
    expect(after.filter((h) => before.includes(h))).toEqual([]);
    expect(codeOf(await app.gql(STEP_UP, { code: user.codes[1] }, await login(app, user.account, OWN_PASSWORD)))).toBe(
      'FORBIDDEN',
    );
    const up = await app.gql<{ stepUp: { aal: number } }>(
      STEP_UP,
      { code: fresh[1] },
      await login(app, user.account, OWN_PASSWORD),
    );
    expect(up.data?.stepUp.aal).toBe(2);
  });

  it('should refuse regeneration to a user without MFA, issuing nothing', async () => {
    const user = await userWithOwnPassword(app, { token: admin, organization: org.slug }, org.roles.Viewer.id, 'nomfa');
    const res = await app.gql('mutation { regenerateRecoveryCodes }', {}, user.token);
    expect(codeOf(res)).toBe('MFA_REQUIRED');
    expect((await sql.query('SELECT count(*)::int AS n FROM recovery_codes WHERE user_id = $1', [user.id])).rows[0].n).toBe(0);
  });
});
