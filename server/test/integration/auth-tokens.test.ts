import { SignJWT, base64url } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, createTestOrg, login, startTestApp, type TestApp, type TestOrg } from '../helpers/test-app';

const ME = '{ me { user { id } aal } }';
const ME_FULL =
  '{ me { user { id email name createdAt mfaEnabled disabled role { name userCount } } organization { name } permissions aal sessionExpiresAt } }';

describe('access tokens', () => {
  let app: TestApp;
  let org: TestOrg;

  beforeAll(async () => {
    app = await startTestApp();
    org = await createTestOrg(app);
  });
  afterAll(() => app?.stop());

  it('should accept a fresh token and report AAL1 when signed in with a password only', async () => {
    const token = await login(app, org.admin);
    const res = await app.gql<{ me: { user: { id: string }; aal: number } }>(ME, {}, token);
    expect(res.data?.me).toEqual({ user: { id: org.adminId }, aal: 1 });
    const full = await app.gql<{ me: { user: { createdAt: string; role: { name: string; userCount: number } } } }>(
      ME_FULL,
      {},
      token,
    );
    expect(full.errors).toBeUndefined();
    expect(full.data!.me.user.role).toEqual({ name: 'Admin', userCount: 1 });
    expect(Date.parse(full.data!.me.user.createdAt)).toBeGreaterThan(Date.now() - 600_000);
  });

  it('should issue tokens that expire 24 hours after issue', async () => {
    const token = await login(app, org.admin);
    const payload = JSON.parse(new TextDecoder().decode(base64url.decode(token.split('.')[1]!))) as {
      iat: number;
      exp: number;
      jti: string;
    };
    expect(payload.exp - payload.iat).toBe(24 * 60 * 60);
    expect(payload.jti).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('should refuse a token with alg none when it is otherwise well formed', async () => {
    const token = await login(app, org.admin);
    const [, payload] = token.split('.');
    const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }));
    const res = await app.gql(ME, {}, `${header}.${payload}.`);
    expect(res.status).toBe(401);
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
    expect(res.data).toBeNull();
  });

  it('should refuse a token signed with another key', async () => {
    const token = await login(app, org.admin);
    const claims = JSON.parse(new TextDecoder().decode(base64url.decode(token.split('.')[1]!))) as Record<string, unknown>;
    const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('x'.repeat(48)));
    const res = await app.gql(ME, {}, forged);
    expect(res.status).toBe(401);
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
  });

  it('should refuse a token whose expiry has passed even when its signature is valid', async () => {
    const token = await login(app, org.admin);
    const claims = JSON.parse(new TextDecoder().decode(base64url.decode(token.split('.')[1]!))) as Record<string, unknown>;
    const now = Math.floor(Date.now() / 1000);
    const secret = Buffer.from(app.vigil.deps.env.JWT_SECRET!, 'base64');
    const expired = await new SignJWT({ ...claims, iat: now - 90_000, exp: now - 3_600 })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .sign(new Uint8Array(secret));
    const res = await app.gql(ME, {}, expired);
    expect(res.status).toBe(401);
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
    expect(res.errors?.[0]?.message).toMatch(/expired/i);
  });

  it('should refuse a token after logout, on the very next request', async () => {
    const token = await login(app, org.admin);
    const out = await app.gql<{ logout: boolean }>('mutation { logout }', {}, token);
    expect(out.data?.logout).toBe(true);
    const res = await app.gql(ME, {}, token);
    expect(res.status).toBe(401);
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
    expect(res.errors?.[0]?.message).toMatch(/revoked/i);
  });

  it('should refuse every earlier session when the password changes, and accept the new one', async () => {
    const first = await login(app, org.admin);
    const second = await login(app, org.admin);
    const changed = await app.gql<{ changePassword: { token: string } }>(
      'mutation($input: ChangePasswordInput!) { changePassword(input: $input) { token } }',
      { input: { currentPassword: 'correct horse battery staple', newPassword: 'a brand new passphrase' } },
      first,
    );
    expect(changed.errors).toBeUndefined();
    for (const old of [first, second]) expect(codeOf(await app.gql(ME, {}, old))).toBe('UNAUTHENTICATED');
    expect((await app.gql(ME, {}, changed.data!.changePassword.token)).data).not.toBeNull();
    await app.gql(
      'mutation($input: ChangePasswordInput!) { changePassword(input: $input) { token } }',
      { input: { currentPassword: 'a brand new passphrase', newPassword: 'correct horse battery staple' } },
      changed.data!.changePassword.token,
    );
  });

  it('should refuse a revoked token before any resolver or database work', async () => {
    const token = await login(app, org.admin);
    await app.gql('mutation { logout }', {}, token);
    const before = await auditCount(app);
    // A refused request has no actor, hence no resolver ran and no audit entry was written.
    const res = await app.gql('{ users(first: 5) { nodes { id } } }', {}, token);
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
    await app.vigil.deps.auditBatcher.idle();
    expect(await auditCount(app)).toBe(before);
  });

  it('should answer UNAUTHENTICATED to a wrong password and to an unknown email alike', async () => {
    const wrong = await app.gql(
      `mutation { login(input: { organization: "${org.slug}", email: "nobody@example.test", password: "whatever it is" }) { token } }`,
    );
    const bad = await app.gql(
      `mutation { login(input: { organization: "${org.slug}", email: "${org.adminEmail}", password: "not the password" }) { token } }`,
    );
    expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
    expect(codeOf(bad)).toBe('UNAUTHENTICATED');
    expect(wrong.errors?.[0]?.message).toBe(bad.errors?.[0]?.message);
  });
});

describe('password guessing', () => {
  it('should rate-limit wrong passwords at sign-in and at password change, the right one included', async () => {
    const app = await startTestApp({ LOGIN_MAX_FAILURES_PER_IP: '2' });
    try {
      const org = await createTestOrg(app);
      const token = await login(app, org.admin);
      const change = (current: string) =>
        app.gql(
          'mutation($input: ChangePasswordInput!) { changePassword(input: $input) { token } }',
          { input: { currentPassword: current, newPassword: 'another long passphrase' } },
          token,
        );
      expect(codeOf(await change('wrong guess one'))).toBe('FORBIDDEN');
      expect(codeOf(await change('wrong guess two'))).toBe('FORBIDDEN');
      expect(codeOf(await change('correct horse battery staple'))).toBe('RATE_LIMITED');
      const signIn = await app.gql(
        `mutation { login(input: { organization: "${org.slug}", email: "${org.adminEmail}", password: "correct horse battery staple" }) { token } }`,
      );
      expect(codeOf(signIn)).toBe('RATE_LIMITED');
    } finally {
      await app.stop();
    }
  });
});

async function auditCount(app: TestApp): Promise<number> {
  const pg = await import('pg');
  const c = new pg.default.Client({ connectionString: app.db.adminUrl });
  await c.connect();
  try {
    const r = await c.query('SELECT count(*) AS n FROM audit_log');
    return Number(r.rows[0].n);
  } finally {
    await c.end();
  }
}
