import { randomBytes } from 'node:crypto';
import { SignJWT, base64url } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminWithMfa,
  codeOf,
  createTestOrg,
  createUserWithRole,
  enrolMfa,
  login,
  startTestApp,
  TEST_PASSWORD,
  type TestApp,
  type TestOrg,
  loginInput,
  type TestAccount,
} from '../../helpers/test-app';

// H14, ASVS 7.4: a change that makes sessions stale leaves no session usable that was issued
// from the state before it, including sessions from sign-ins in flight while it committed.

type Claims = { rid: string; perms: string[]; jti: string; iat_ms: number; sub: string };
const claimsOf = (token: string) => JSON.parse(new TextDecoder().decode(base64url.decode(token.split('.')[1]!))) as Claims;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const J = 'testing revocation against racing sign-ins';
const ME = '{ me { user { id } } }';

/**
 * Signs `email` in from `loops` parallel loops, plus a burst of `burst` concurrent sign-ins,
 * until stop() is called; returns every token issued.
 */
function signInStorm(app: TestApp, account: TestAccount, password: string, loops = 6) {
  const tokens: string[] = [];
  let running = true;
  const once = async () => {
    const res = await app.gql<{ login: { token: string } }>('mutation($input: LoginInput!) { login(input: $input) { token } }', {
      input: loginInput(account, password),
    });
    if (res.data) tokens.push(res.data.login.token);
  };
  const workers = Array.from({ length: loops }, async () => {
    while (running) await once();
  });
  return {
    burst: (n: number) => Promise.all(Array.from({ length: n }, once)),
    async stop() {
      running = false;
      await Promise.all(workers);
      return tokens;
    },
  };
}

const usable = async (app: TestApp, token: string) => (await app.gql(ME, {}, token)).status === 200;

describe('revocation wins every race', () => {
  let app: TestApp;
  let org: TestOrg;
  let admin: string;

  beforeAll(async () => {
    // Sign-in limits would stop the storms; they are tested on their own.
    app = await startTestApp({ LOGIN_MAX_FAILURES_PER_IP: '100000', LOGIN_ACCOUNT_FREE_FAILURES: '100000' });
    org = await createTestOrg(app);
    admin = (await adminWithMfa(app, org)).token;
  });
  afterAll(() => app?.stop());

  // Six loops signing in, and a burst of 120 more sign-ins in flight as the change runs: what
  // counts is that no session issued from the old state survives, however many there were.
  async function raceAgainst(account: TestAccount, password: string, change: () => Promise<unknown>) {
    const storm = signInStorm(app, account, password);
    await sleep(150);
    const [, result] = await Promise.all([storm.burst(120), change()]);
    const returned = Date.now();
    await sleep(200);
    const tokens = await storm.stop();
    return { tokens, result, returned };
  }

  it('should refuse, once a role change returns, every token carrying the old role, 120 concurrent sign-ins included', async () => {
    const user = await createUserWithRole(app, admin, org.roles.Compliance.id, 'mover');
    const { tokens, result, returned } = await raceAgainst(user, TEST_PASSWORD, () =>
      app.gql(
        `mutation($u: ID!, $r: ID!) { assignRole(userId: $u, roleId: $r, justification: "${J}") { id } }`,
        { u: user.id, r: org.roles.Viewer.id },
        admin,
      ),
    );
    expect((result as { errors?: unknown }).errors).toBeUndefined();
    const old = tokens.filter((t) => claimsOf(t).rid === org.roles.Compliance.id);
    // Sessions read from the new state once the change had returned: all usable. (One read
    // between the commit and the final cutoff may be refused too: the safe side of the race.)
    const fresh = tokens.filter((t) => claimsOf(t).rid === org.roles.Viewer.id && claimsOf(t).iat_ms > returned);
    expect(old.length).toBeGreaterThan(0);
    expect(fresh.length).toBeGreaterThan(0);
    const stillUsable = (await Promise.all(old.map((t) => usable(app, t)))).filter(Boolean);
    expect(stillUsable).toEqual([]);
    expect((await Promise.all(fresh.map((t) => usable(app, t)))).every(Boolean)).toBe(true);
  });

  it('should refuse every token of a user disabled while sign-ins race, and sign-in after it', async () => {
    const user = await createUserWithRole(app, admin, org.roles.Viewer.id, 'leaver');
    const { tokens } = await raceAgainst(user, TEST_PASSWORD, () =>
      app.gql(
        `mutation($id: ID!) { updateUser(id: $id, input: { disabled: true }, justification: "${J}") { id } }`,
        { id: user.id },
        admin,
      ),
    );
    expect(tokens.length).toBeGreaterThan(0);
    expect((await Promise.all(tokens.map((t) => usable(app, t)))).filter(Boolean)).toEqual([]);
    const after = await app.gql('mutation($input: LoginInput!) { login(input: $input) { token } }', {
      input: loginInput(user),
    });
    expect(codeOf(after)).toBe('UNAUTHENTICATED');
  });

  it("should refuse the old tokens of a role's holders when its permissions change, even when the editor cannot read users", async () => {
    // An editor with roles:write and roles:read only: RLS hides every user from it.
    const editorRole = await app.gql<{ createRole: { id: string } }>(
      `mutation { createRole(input: { name: "Role editors", permissions: ["roles:read", "roles:write"] }, justification: "${J}") { id } }`,
      {},
      admin,
    );
    const desk = await app.gql<{ createRole: { id: string } }>(
      `mutation { createRole(input: { name: "Desk", permissions: ["roles:read"] }, justification: "${J}") { id } }`,
      {},
      admin,
    );
    const editor = await createUserWithRole(app, admin, editorRole.data!.createRole.id, 'editor');
    const editorToken = (await enrolMfa(app, await login(app, editor))).token;
    const holder = await createUserWithRole(app, admin, desk.data!.createRole.id, 'holder');
    const { tokens, result, returned } = await raceAgainst(holder, TEST_PASSWORD, () =>
      app.gql(
        `mutation($id: ID!) { updateRole(id: $id, input: { permissions: [] }, justification: "${J}") { permissions } }`,
        { id: desk.data!.createRole.id },
        editorToken,
      ),
    );
    expect(result).toMatchObject({ data: { updateRole: { permissions: [] } } });
    const old = tokens.filter((t) => claimsOf(t).perms.includes('roles:read'));
    const fresh = tokens.filter((t) => claimsOf(t).perms.length === 0 && claimsOf(t).iat_ms > returned);
    expect(old.length).toBeGreaterThan(0);
    expect(fresh.length).toBeGreaterThan(0);
    expect((await Promise.all(old.map((t) => usable(app, t)))).filter(Boolean)).toEqual([]);
    expect((await Promise.all(fresh.map((t) => usable(app, t)))).every(Boolean)).toBe(true);

    // The same editor deletes the role while it is held: CONFLICT, and the role is still there.
    const del = await app.gql(
      `mutation($id: ID!) { deleteRole(id: $id, justification: "${J}") }`,
      { id: desk.data!.createRole.id },
      editorToken,
    );
    expect(codeOf(del)).toBe('CONFLICT');
    const roles = await app.gql<{ roles: { id: string }[] }>('{ roles { id } }', {}, admin);
    expect(roles.data!.roles.map((r) => r.id)).toContain(desk.data!.createRole.id);
  });

  it('should refuse every token issued from the old password once a password change returns, its own new token excepted', async () => {
    const user = await createUserWithRole(app, admin, org.roles.Viewer.id, 'changer');
    const own = await login(app, user);
    const { tokens, result } = await raceAgainst(user, TEST_PASSWORD, () =>
      app.gql<{ changePassword: { token: string } }>(
        'mutation($input: ChangePasswordInput!) { changePassword(input: $input) { token } }',
        { input: { currentPassword: TEST_PASSWORD, newPassword: 'a brand new passphrase' } },
        own,
      ),
    );
    const newToken = (result as { data: { changePassword: { token: string } } }).data.changePassword.token;
    expect(tokens.length).toBeGreaterThan(0);
    expect((await Promise.all([...tokens, own].map((t) => usable(app, t)))).filter(Boolean)).toEqual([]);
    expect(await usable(app, newToken)).toBe(true);
    expect(await usable(app, await login(app, user, 'a brand new passphrase'))).toBe(true);
  });
});

describe('tokens with an untruthful age', () => {
  let app: TestApp;
  let org: TestOrg;

  beforeAll(async () => {
    app = await startTestApp();
    org = await createTestOrg(app);
  });
  afterAll(() => app?.stop());

  // Minted with the real key, as someone holding a stolen signing key would.
  async function mint(claims: Claims & Record<string, unknown>, iat: number, exp: number) {
    const key = Buffer.from(app.vigil.deps.env.JWT_SECRET!, 'base64');
    return new SignJWT({ ...claims, iat_ms: claims.iat_ms })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.sub)
      .setJti(randomBytes(16).toString('hex'))
      .setIssuer('vigil')
      .setAudience('vigil-api')
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .sign(key);
  }

  it('should refuse a well-signed token issued in the future, one that lives over 24 hours, and one whose two issue times disagree', async () => {
    const real = claimsOf(await login(app, org.admin)) as Claims & Record<string, unknown>;
    const now = Math.floor(Date.now() / 1000);
    const future = await mint({ ...real, iat_ms: (now + 3600) * 1000 }, now + 3600, now + 7200);
    const longLived = await mint({ ...real, iat_ms: now * 1000 }, now, now + 48 * 3600);
    const disagreeing = await mint({ ...real, iat_ms: (now - 600) * 1000 }, now, now + 3600);
    const honest = await mint({ ...real, iat_ms: now * 1000 }, now, now + 3600);
    for (const token of [future, longLived, disagreeing]) {
      const res = await app.gql(ME, {}, token);
      expect(res.status).toBe(401);
      expect(codeOf(res)).toBe('UNAUTHENTICATED');
    }
    expect((await app.gql(ME, {}, honest)).status).toBe(200);
  });
});
