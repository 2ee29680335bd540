import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generate } from 'otplib';
import { afterAll, describe, expect, it } from 'vitest';
import { parseEnv } from '@/config/env';
import { startVigil, type Vigil } from '@/app/bootstrap';
import { createLogger } from '@/lib/logger';
import { loadOrCreateDevSecrets } from '@/lib/crypto/dev-secrets';
import { loadKeyRing } from '@/lib/crypto/key-ring';
import { AuditEntryMac } from '@/core/audit';
import { openCliDatabase } from '@/cli/cli-database';
import { recoverAccessCommand } from '@/cli/recover-access';
import { verifyAuditCommand } from '@/cli/verify-audit';

// Issue 9, item 1: revocations survive restarts in embedded mode. The signing key and the tokens
// survive a restart (DATA_DIR); so must every revocation made before it.
const PASSWORD = 'correct horse battery staple';
const J = 'testing revocations across a restart';

describe('embedded mode: revocations survive a restart', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'vigil-embedded-'));
  let vigil: Vigil | undefined;
  afterAll(async () => {
    await vigil?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const start = async () => {
    const env = parseEnv({
      NODE_ENV: 'development',
      DATA_DIR: dataDir,
      PORT: '0',
      LOG_LEVEL: 'silent',
      FIRST_ADMIN_EMAIL: 'first@restart.test',
      FIRST_ADMIN_PASSWORD: PASSWORD,
      FIRST_ORG_SLUG: 'restart',
    });
    vigil = await startVigil(env, createLogger('silent'));
    return vigil.url!;
  };
  const gql = async <T>(url: string, query: string, variables: Record<string, unknown> = {}, token?: string) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data?: T | null; errors?: { extensions?: { code?: string } }[] };
  };
  const tokenOf = async (url: string, query: string, variables: Record<string, unknown>, token?: string) => {
    const res = await gql<Record<string, { token: string }>>(url, query, variables, token);
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return Object.values(res.data)[0]!.token;
  };
  const signIn = (url: string, email: string) =>
    tokenOf(url, 'mutation($i: LoginInput!) { login(input: $i) { token } }', {
      i: { organization: 'restart', email, password: PASSWORD },
    });
  const works = async (url: string, token: string) =>
    (await gql<{ me: unknown }>(url, '{ me { user { id } } }', {}, token)).data?.me != null;

  it('should refuse, after a restart, a signed-out session and a disabled user’s session', async () => {
    let url = await start();
    const admin = await signIn(url, 'first@restart.test');
    // A second user, disabled by the admin (Admin writes need MFA: the admin enrols first).
    const begin = await gql<{ beginMfaEnrollment: { secret: string } }>(
      url,
      'mutation { beginMfaEnrollment { secret } }',
      {},
      admin,
    );
    const secret = begin.data!.beginMfaEnrollment.secret;
    const adminAal2 = await tokenOf(
      url,
      'mutation($c: String!) { confirmMfaEnrollment(code: $c) { token } }',
      { c: await generate({ secret }) },
      admin,
    );
    const roles = await gql<{ roles: { id: string; name: string }[] }>(url, '{ roles { id name } }', {}, adminAal2);
    const viewerRole = roles.data!.roles.find((r) => r.name === 'Viewer')!.id;
    const created = await gql<{ createUser: { id: string } }>(
      url,
      `mutation($i: CreateUserInput!) { createUser(input: $i, justification: "${J}") { id } }`,
      { i: { email: 'second@restart.test', name: 'Second', roleId: viewerRole, password: PASSWORD } },
      adminAal2,
    );
    const secondId = created.data!.createUser.id;
    const second = await signIn(url, 'second@restart.test');
    const signedOut = await signIn(url, 'first@restart.test');
    const kept = await signIn(url, 'first@restart.test');
    expect(await works(url, second)).toBe(true);

    await gql(url, 'mutation { logout }', {}, signedOut);
    const disabled = await gql(
      url,
      `mutation($u: ID!) { updateUser(id: $u, input: { disabled: true }, justification: "${J}") { id } }`,
      { u: secondId },
      adminAal2,
    );
    expect(disabled.errors).toBeUndefined();
    expect(await works(url, signedOut)).toBe(false);
    expect(await works(url, second)).toBe(false);

    await vigil!.stop();
    vigil = undefined;
    url = await start();
    expect(await works(url, signedOut)).toBe(false);
    expect(await works(url, second)).toBe(false);
    // Not everything was refused: a session nobody revoked still works after the restart.
    expect(await works(url, kept)).toBe(true);

    // With the server stopped, the CLI works on the same embedded database (no DATABASE_URL):
    // a reset of the first Admin's MFA ends the session that was kept, and the chain verifies.
    await vigil!.stop();
    vigil = undefined;
    const cliEnv = parseEnv({ NODE_ENV: 'development', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    const ring = loadKeyRing({ inline: (await loadOrCreateDevSecrets(dataDir)).encryptionKeys })!;
    const reset = { kind: 'reset-mfa' as const, organization: 'restart', email: 'first@restart.test', reason: 'testing the CLI' };
    const printed: string[] = [];
    expect(await recoverAccessCommand(cliEnv, ring, reset, (t) => printed.push(t))).toBe(0);
    expect(JSON.parse(printed[0]!)).toMatchObject({ sessions: 'ended' });
    const db = await openCliDatabase(cliEnv);
    try {
      expect(await verifyAuditCommand(db.url, new AuditEntryMac(ring), undefined, (t) => printed.push(t))).toBe(0);
    } finally {
      await db.close();
    }
    url = await start();
    expect(await works(url, kept)).toBe(false);
  }, 120_000);
});
