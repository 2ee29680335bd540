import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '@/config/env';
import { startVigil, type Vigil } from '@/app/bootstrap';
import { createLogger } from '@/lib/logger';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database';

// Issue 9, item 9: the start banner tells the truth. The server reports whether the first Admin's
// first password still signs them in; `npm start` prints it only while it does.
describe('first Admin status', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'vigil-first-'));
  const statusFile = path.join(dir, 'first-admin.status.json');
  const first = { email: 'first@status.test', password: 'the very first password' };
  let db: TestDatabase;
  let vigil: Vigil | undefined;
  const env = () =>
    parseEnv({
      NODE_ENV: 'test',
      DATABASE_URL: db.appUrl,
      DATABASE_REQUEST_URL: db.requestUrl,
      DATABASE_ADMIN_URL: db.adminUrl,
      PORT: '0',
      JWT_SECRET: randomBytes(32).toString('base64'),
      ENCRYPTION_KEYS: `t1:${randomBytes(32).toString('base64')}`,
      LOG_LEVEL: 'silent',
      DATA_DIR: dir,
      FIRST_ADMIN_EMAIL: first.email,
      FIRST_ADMIN_PASSWORD: first.password,
      FIRST_ORG_SLUG: 'status',
      FIRST_ADMIN_STATUS_FILE: statusFile,
    });
  const status = () => JSON.parse(readFileSync(statusFile, 'utf8')) as Record<string, unknown>;
  const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
    const res = await fetch(`${vigil!.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data?: Record<string, { token: string }> | null; errors?: unknown[] };
  };

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await vigil?.stop();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should say the first password is in use until its owner changes it, and not after', async () => {
    vigil = await startVigil(env(), createLogger('silent'));
    expect(status()).toMatchObject({ organization: 'status', email: first.email, initialPasswordInUse: true });
    await vigil.stop();
    vigil = await startVigil(env(), createLogger('silent'));
    expect(status()).toMatchObject({ initialPasswordInUse: true });

    const signedIn = await gql('mutation($i: LoginInput!) { login(input: $i) { token } }', {
      i: { organization: 'status', ...first },
    });
    const changed = await gql(
      'mutation($i: ChangePasswordInput!) { changePassword(input: $i) { token } }',
      { i: { currentPassword: first.password, newPassword: 'a password of my own choosing' } },
      signedIn.data!.login!.token,
    );
    expect(changed.errors).toBeUndefined();
    await vigil.stop();
    vigil = await startVigil(env(), createLogger('silent'));
    expect(status()).toMatchObject({ organization: 'status', email: first.email, initialPasswordInUse: false });
  }, 60_000);
});
