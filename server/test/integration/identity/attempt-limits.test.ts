import pg from 'pg';
import { generate } from 'otplib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  adminWithMfa,
  codeOf,
  createTestOrg,
  createUserWithRole,
  login,
  startTestApp,
  TEST_PASSWORD,
  type TestApp,
  type TestOrg,
  loginInput,
  type TestAccount,
} from '../../helpers/test-app';

// ASVS 6.3, 6.5: limits that hold under concurrency, a per-account limit whatever the IP, and a
// password that alone cannot replace itself on an account with a second factor.
const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { token } }';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function loginFrom(app: TestApp, ip: string, account: TestAccount, password: string) {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({ query: LOGIN, variables: { input: loginInput(account, password) } }),
  });
  return (await res.json()) as {
    data: { login: { token: string } } | null;
    errors?: { extensions?: { code?: string; retryAfterSeconds?: number } }[];
  };
}

describe('attempt limits under attack', () => {
  let app: TestApp;
  let org: TestOrg;
  let sql: pg.Client;

  // A server of its own per test: the limits a test exhausts must not leak into the next.
  beforeEach(async () => {
    app = await startTestApp({
      LOGIN_ACCOUNT_FREE_FAILURES: '10',
      LOGIN_ACCOUNT_MAX_DELAY_SECONDS: '3',
      LOGIN_ACCOUNT_BASE_DELAY_MS: '3000',
    });
    org = await createTestOrg(app);
    sql = new pg.Client({ connectionString: app.db.adminUrl });
    await sql.connect();
  });
  afterEach(async () => {
    await sql?.end();
    await app?.stop();
  });

  it('should check exactly 5 of 1,000 concurrent wrong TOTP codes for one user, and refuse the right one after them', async () => {
    const { secret, token } = await adminWithMfa(app, org);
    const stepBefore = (await sql.query('SELECT totp_last_step FROM users WHERE id = $1', [org.adminId])).rows[0].totp_last_step;
    const wrong = Array.from({ length: 1000 }, (_, i) => String(100000 + i));
    const results = await Promise.all(
      wrong.map((code) => app.gql('mutation($c: String!) { stepUp(code: $c) { token } }', { c: code }, token)),
    );
    const codes = results.map(codeOf);
    expect(codes.filter((c) => c === 'FORBIDDEN')).toHaveLength(5);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(995);
    const right = await app.gql('mutation($c: String!) { stepUp(code: $c) { token } }', { c: await generate({ secret }) }, token);
    expect(codeOf(right)).toBe('RATE_LIMITED');
    expect((await sql.query('SELECT totp_last_step FROM users WHERE id = $1', [org.adminId])).rows[0].totp_last_step).toBe(
      stepBefore,
    );
  });

  it('should process exactly 30 of 100 concurrent wrong passwords from one IP', async () => {
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        loginFrom(app, '203.0.113.7', { organization: org.slug, email: `nobody-${i}@example.test` }, 'wrong'),
      ),
    );
    const codes = results.map((r) => r.errors?.[0]?.extensions?.code);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(30);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(70);
  });

  it('should slow 60 guesses spread over 30 IPs on one account, the right password included, yet let the owner in', async () => {
    const admin = (await adminWithMfa(app, org)).token;
    const owner = await createUserWithRole(app, admin, org.roles.Viewer.id, 'owner');
    const guesses = await Promise.all(
      Array.from({ length: 60 }, (_, i) => loginFrom(app, `198.51.100.${(i % 30) + 1}`, owner, `guess number ${i}`)),
    );
    const codes = guesses.map((r) => r.errors?.[0]?.extensions?.code);
    // Ten failures are free; every later attempt waits its turn.
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(10);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(50);
    const rightFromAttacker = await loginFrom(app, '198.51.100.99', owner, TEST_PASSWORD);
    expect(rightFromAttacker.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    // No lock-out: after the longest delay, the owner's right password works.
    await sleep(3100);
    const owners = await loginFrom(app, '192.0.2.10', owner, TEST_PASSWORD);
    expect(owners.data?.login.token).toBeTruthy();
  });

  it('should let an owner who signed in from an IP before sign in from it while an attacker holds the account back', async () => {
    const admin = (await adminWithMfa(app, org)).token;
    const owner = await createUserWithRole(app, admin, org.roles.Viewer.id, 'regular');
    expect((await loginFrom(app, '192.0.2.20', owner, TEST_PASSWORD)).data).toBeTruthy();
    await Promise.all(Array.from({ length: 20 }, (_, i) => loginFrom(app, `198.51.100.${i + 100}`, owner, 'not it')));
    expect((await loginFrom(app, '198.51.100.200', owner, TEST_PASSWORD)).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect((await loginFrom(app, '192.0.2.20', owner, TEST_PASSWORD)).data?.login.token).toBeTruthy();
  });

  it('should refuse a password change at AAL1 on an account with MFA, leaving the password as it was', async () => {
    const other = await createTestOrg(app);
    await adminWithMfa(app, other);
    const aal1 = await login(app, other.admin);
    const before = (await sql.query('SELECT password_hash FROM users WHERE id = $1', [other.adminId])).rows[0].password_hash;
    const res = await app.gql(
      'mutation($input: ChangePasswordInput!) { changePassword(input: $input) { token } }',
      { input: { currentPassword: TEST_PASSWORD, newPassword: 'taken over by a thief' } },
      aal1,
    );
    expect(codeOf(res)).toBe('MFA_REQUIRED');
    expect((await sql.query('SELECT password_hash FROM users WHERE id = $1', [other.adminId])).rows[0].password_hash).toBe(
      before,
    );
  });
});
