import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, createTestOrg, enrolMfa, login, startTestApp, type TestApp } from '../helpers/test-app';

const STEP_UP = 'mutation($code: String!) { stepUp(code: $code) { token aal } }';

describe('TOTP MFA', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({
      MFA_MAX_FAILURES_PER_USER: '5',
      MFA_MAX_FAILURES_PER_IP: '1000',
      GRAPHQL_MAX_ALIASES: '1000',
      GRAPHQL_MAX_TOKENS: '20000',
      GRAPHQL_MAX_COST: '100000',
    });
  });
  afterAll(() => app?.stop());

  it('should enrol with a QR code and report mfaRequired on the next password sign-in', async () => {
    const org = await createTestOrg(app);
    const token = await login(app, org.admin);
    const begin = await app.gql<{ beginMfaEnrollment: { secret: string; otpauthUrl: string; qrCodeDataUrl: string } }>(
      'mutation { beginMfaEnrollment { secret otpauthUrl qrCodeDataUrl } }',
      {},
      token,
    );
    const e = begin.data!.beginMfaEnrollment;
    expect(e.otpauthUrl).toMatch(/^otpauth:\/\/totp\/Vigil:/);
    expect(e.otpauthUrl).toContain(`secret=${e.secret}`);
    expect(e.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
    const confirmed = await app.gql<{ confirmMfaEnrollment: { aal: number } }>(
      'mutation($code: String!) { confirmMfaEnrollment(code: $code) { aal } }',
      { code: await generate({ secret: e.secret }) },
      token,
    );
    expect(confirmed.data?.confirmMfaEnrollment.aal).toBe(2);
    const again = await app.gql<{ login: { aal: number; mfaRequired: boolean } }>(
      `mutation { login(input: { organization: "${org.slug}", email: "${org.adminEmail}", password: "correct horse battery staple" }) { aal mfaRequired } }`,
    );
    expect(again.data?.login).toEqual({ aal: 1, mfaRequired: true });
  });

  it('should store the TOTP secret only as AES-GCM ciphertext', async () => {
    const org = await createTestOrg(app);
    const { secret } = await enrolMfa(app, await login(app, org.admin));
    const pg = (await import('pg')).default;
    const c = new pg.Client({ connectionString: app.db.adminUrl });
    await c.connect();
    const row = (await c.query('SELECT mfa_secret_enc FROM users WHERE id = $1', [org.adminId])).rows[0] as {
      mfa_secret_enc: string;
    };
    await c.end();
    expect(row.mfa_secret_enc).toMatch(/^v1:t1:/);
    expect(row.mfa_secret_enc).not.toContain(secret);
  });

  it('should accept a code once and refuse it the second time', async () => {
    const org = await createTestOrg(app);
    const { secret } = await enrolMfa(app, await login(app, org.admin));
    // The next time step (within the one-step tolerance): enrolment consumed the current one.
    const code = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
    const first = await app.gql<{ stepUp: { aal: number } }>(STEP_UP, { code }, await login(app, org.admin));
    expect(first.data?.stepUp.aal).toBe(2);
    const session = await login(app, org.admin);
    const replay = await app.gql(STEP_UP, { code }, session);
    expect(codeOf(replay)).toBe('FORBIDDEN');
    expect(replay.errors?.[0]?.message).toMatch(/already used/);
  });

  it('should refuse 1,000 aliased step-up attempts in one document past the limit, a right code included', async () => {
    const org = await createTestOrg(app);
    const { secret } = await enrolMfa(app, await login(app, org.admin));
    const session = await login(app, org.admin);
    const right = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
    const wrong = right === '000000' ? '111111' : '000000';
    // 999 wrong codes, then the right one last: counting per resolver call must stop it too.
    const fields = Array.from({ length: 1000 }, (_, i) => `a${i}: stepUp(code: "${i === 999 ? right : wrong}") { aal }`);
    const res = await app.gql<Record<string, unknown>>(`mutation { ${fields.join('\n')} }`, {}, session);
    const codes = (res.errors ?? []).map((e) => e.extensions?.code);
    expect(res.errors).toHaveLength(1000);
    expect(codes.filter((c) => c === 'FORBIDDEN')).toHaveLength(5);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(995);
    const last = res.errors!.find((e) => e.path?.[0] === 'a999');
    expect(last?.extensions?.code).toBe('RATE_LIMITED');
    // And the limit holds for the next request too.
    const next = await app.gql(STEP_UP, { code: right }, session);
    expect(codeOf(next)).toBe('RATE_LIMITED');
  }, 60_000);

  it('should count failed attempts per IP across users', async () => {
    const strict = await startTestApp({ MFA_MAX_FAILURES_PER_USER: '100', MFA_MAX_FAILURES_PER_IP: '3' });
    try {
      const a = await createTestOrg(strict);
      const b = await createTestOrg(strict);
      for (const org of [a, b]) await enrolMfa(strict, await login(strict, org.admin));
      const sa = await login(strict, a.admin);
      const sb = await login(strict, b.admin);
      const codes = [];
      for (const s of [sa, sa, sb, sb]) codes.push(codeOf(await strict.gql(STEP_UP, { code: '000000' }, s)));
      expect(codes).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'RATE_LIMITED']);
    } finally {
      await strict.stop();
    }
  });
});
