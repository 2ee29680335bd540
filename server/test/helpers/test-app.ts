import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { generate } from 'otplib';
import { parseEnv } from '@/config/env';
import { startVigil, type Vigil } from '@/app/bootstrap';
import { MODULES } from '@/app/modules';
import type { VigilModule } from '@/core/module';
import type { Logger } from '@/lib/logger';
import { createLogger } from '@/lib/logger';
import { inScopedTransaction } from '@/lib/db/request-db';
import { createOrganization } from '@/core/identity/orgs/create-organization';
import { createTestDatabase, type TestDatabase } from './test-database';

/**
 * A real Vigil for integration tests: its own migrated PostgreSQL database, the machine's
 * Redis under a key prefix of its own, the real HTTP server on a free port. Nothing of our
 * own code is replaced.
 */
export type TestApp = {
  vigil: Vigil;
  db: TestDatabase;
  url: string;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult<T>>;
  stop(): Promise<void>;
};

export type GqlError = { message: string; extensions?: { code?: string; [k: string]: unknown }; path?: (string | number)[] };
export type GqlResult<T> = { status: number; data: T | null; errors?: GqlError[] };

export const TEST_PASSWORD = 'correct horse battery staple';

/**
 * `options.modules`: the module list to boot (default: the product's, app/modules.ts); tests of
 * the module system add a probe module. `options.logger`: to read what the server logs.
 */
export async function startTestApp(
  overrides: Record<string, string> = {},
  options: { modules?: readonly VigilModule[]; logger?: Logger } = {},
): Promise<TestApp> {
  const db = await createTestDatabase();
  const env = parseEnv({
    NODE_ENV: 'test',
    DATABASE_URL: db.appUrl,
    DATABASE_REQUEST_URL: db.requestUrl,
    DATABASE_ADMIN_URL: db.adminUrl,
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_KEY_PREFIX: `vigiltest:${randomBytes(4).toString('hex')}:`,
    PORT: '0',
    JWT_SECRET: randomBytes(32).toString('base64'),
    ENCRYPTION_KEYS: `t1:${randomBytes(32).toString('base64')}`,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    AUDIT_CHAIN_INTERVAL_MS: '20',
    DATA_DIR: `/tmp/vigil-test-${randomBytes(4).toString('hex')}`,
    ...overrides,
  });
  const vigil = await startVigil(env, options.logger ?? createLogger(env.LOG_LEVEL), options.modules ?? MODULES);
  const url = vigil.url ?? 'http://unused.invalid';
  return {
    vigil,
    db,
    url,
    async gql<T>(query: string, variables?: Record<string, unknown>, token?: string) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: T | null; errors?: GqlError[] };
      return { status: res.status, data: body.data ?? null, errors: body.errors };
    },
    async stop() {
      await vigil.stop();
      await db.drop();
      await dropRedisKeys(env.REDIS_URL, env.REDIS_KEY_PREFIX);
    },
  };
}

/** Removes what a test app left in the shared Redis (denylist, limits, job schedulers). */
async function dropRedisKeys(url: string | undefined, prefix: string) {
  if (!url) return;
  const redis = new Redis(url);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

export type TestOrg = Awaited<ReturnType<typeof createTestOrg>>;

/** An organization with its built-in roles and an Admin, created as the CLI does. */
export async function createTestOrg(app: TestApp, name = `Org ${randomBytes(3).toString('hex')}`) {
  const email = `admin-${randomBytes(4).toString('hex')}@example.test`;
  const created = await inScopedTransaction(app.vigil.deps.orm, { role: 'vigil_system', source: 'test' }, (em) =>
    createOrganization(em, { orgName: name, admin: { email, name: 'Ada Admin', password: TEST_PASSWORD } }),
  );
  const admin = { organization: created.org.slug, email };
  return {
    orgId: created.org.id,
    slug: created.org.slug,
    adminId: created.admin.id,
    adminEmail: email,
    admin,
    roles: created.roles,
  };
}

/** An account as sign-in names it: an email in an organization. */
export type TestAccount = { organization: string; email: string };

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token aal mfaRequired } }`;

/** The login mutation's input for an account. */
export const loginInput = (account: TestAccount, password = TEST_PASSWORD) => ({
  organization: account.organization,
  email: account.email,
  password,
});

export async function login(app: TestApp, account: TestAccount, password = TEST_PASSWORD): Promise<string> {
  const res = await app.gql<{ login: { token: string } }>(LOGIN, { input: loginInput(account, password) });
  if (!res.data) throw new Error(`login failed: ${JSON.stringify(res.errors)}`);
  return res.data.login.token;
}

/** Enrols TOTP for the signed-in user; returns the secret and an AAL2 token. */
export async function enrolMfa(app: TestApp, token: string): Promise<{ secret: string; token: string }> {
  const begin = await app.gql<{ beginMfaEnrollment: { secret: string } }>(
    'mutation { beginMfaEnrollment { secret } }',
    {},
    token,
  );
  const secret = begin.data!.beginMfaEnrollment.secret;
  const confirm = await app.gql<{ confirmMfaEnrollment: { token: string } }>(
    'mutation($code: String!) { confirmMfaEnrollment(code: $code) { token } }',
    { code: await generate({ secret }) },
    token,
  );
  if (!confirm.data) throw new Error(`MFA enrolment failed: ${JSON.stringify(confirm.errors)}`);
  return { secret, token: confirm.data.confirmMfaEnrollment.token };
}

/** An Admin session at AAL2, ready for Admin writes. */
export async function adminWithMfa(app: TestApp, org: TestOrg) {
  const token = await login(app, org.admin);
  return enrolMfa(app, token);
}

const CREATE_USER = `mutation($input: CreateUserInput!, $j: String!) { createUser(input: $input, justification: $j) { id email } }`;

const CHANGE_PASSWORD = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) { token } }`;

/**
 * Creates a user with a built-in or custom role through the API, as an Admin would, and has the
 * user make their first sign-in: they replace the Admin's password with TEST_PASSWORD, as
 * everyone whose password an Admin set must before anything else works.
 */
export async function createUserWithRole(app: TestApp, adminToken: string, roleId: string, label = 'user') {
  const email = `${label}-${randomBytes(4).toString('hex')}@example.test`;
  const initial = `initial ${randomBytes(6).toString('hex')} password`;
  const res = await app.gql<{ createUser: { id: string } }>(
    CREATE_USER,
    { input: { email, name: `${label} person`, roleId, password: initial }, j: 'onboarding for the test suite' },
    adminToken,
  );
  if (!res.data) throw new Error(`createUser failed: ${JSON.stringify(res.errors)}`);
  const user = { id: res.data.createUser.id, email, organization: await orgSlugOfToken(app, adminToken) };
  const first = await login(app, user, initial);
  const changed = await app.gql(CHANGE_PASSWORD, { input: { currentPassword: initial, newPassword: TEST_PASSWORD } }, first);
  if (!changed.data) throw new Error(`first password change failed: ${JSON.stringify(changed.errors)}`);
  return user;
}

const CREATE_ROLE = `mutation($i: CreateRoleInput!, $j: String!) { createRole(input: $i, justification: $j) { id } }`;

/** A custom role holding exactly `permissions`, made by an AAL2 Admin; its id. */
export async function createCustomRole(app: TestApp, adminToken: string, name: string, permissions: string[]): Promise<string> {
  const res = await app.gql<{ createRole: { id: string } }>(
    CREATE_ROLE,
    { i: { name, permissions }, j: 'a role for the test suite' },
    adminToken,
  );
  if (!res.data) throw new Error(`createRole failed: ${JSON.stringify(res.errors)}`);
  return res.data.createRole.id;
}

/** A signed-in session of a new user with `roleId` (createUserWithRole), on its own password. */
export async function sessionWithRole(app: TestApp, adminToken: string, roleId: string, label = 'user'): Promise<string> {
  return login(app, await createUserWithRole(app, adminToken, roleId, label));
}

/** The slug of the organization a token belongs to, read as the system (no request, no audit entry). */
async function orgSlugOfToken(app: TestApp, token: string): Promise<string> {
  const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { org: string };
  const [row] = await inScopedTransaction(app.vigil.deps.orm, { role: 'vigil_system', source: 'test' }, (em) =>
    em.execute<{ slug: string }[]>('SELECT slug FROM organizations WHERE id = ?', [claims.org]),
  );
  return row!.slug;
}

export const codeOf = (res: { errors?: GqlError[] }) => res.errors?.[0]?.extensions?.code;
