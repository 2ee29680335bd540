import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reencryptSecrets } from '@/cli/reencrypt-secrets';
import { parseKeyRing } from '@/lib/crypto/key-ring';
import { SecretBox } from '@/lib/crypto/secret-box';
import { createTestOrg, enrolMfa, login, startTestApp, type TestApp, type TestOrg } from '../helpers/test-app';

describe('secrets at rest', () => {
  let app: TestApp;
  let org: TestOrg;
  let secret: string;

  beforeAll(async () => {
    app = await startTestApp();
    org = await createTestOrg(app);
    ({ secret } = await enrolMfa(app, await login(app, org.admin)));
  });
  afterAll(() => app?.stop());

  it('should leave only ciphertext in a full database dump: no secret, no key', () => {
    const dump = execFileSync('pg_dump', ['--data-only', app.db.adminUrl], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(dump).toContain('v1:t1:');
    expect(dump).not.toContain(secret);
    const env = app.vigil.deps.env;
    const key = env.ENCRYPTION_KEYS!.split(':')[1]!;
    for (const needle of [key, Buffer.from(key, 'base64').toString('hex'), env.JWT_SECRET!]) expect(dump).not.toContain(needle);
  });

  it('should re-encrypt every sealed secret under a new key, and the new ring alone then decrypts it', async () => {
    const oldSpec = app.vigil.deps.env.ENCRYPTION_KEYS!;
    const newKey = `t2:${randomBytes(32).toString('base64')}`;
    const ring = parseKeyRing(`${oldSpec},${newKey}`);
    const result = await reencryptSecrets(app.vigil.deps.orm, new SecretBox(ring), ring.currentKeyId);
    expect(result.find((r) => r.column === 'mfa_secret_enc')!.rewritten).toBeGreaterThanOrEqual(1);
    const again = await reencryptSecrets(app.vigil.deps.orm, new SecretBox(ring), ring.currentKeyId);
    expect(again.every((r) => r.rewritten === 0)).toBe(true);

    const c = new pg.Client({ connectionString: app.db.adminUrl });
    await c.connect();
    const { rows } = await c.query('SELECT id, org_id, mfa_secret_enc FROM users WHERE id = $1', [org.adminId]);
    await c.end();
    const sealed = rows[0].mfa_secret_enc as string;
    expect(sealed.startsWith('v1:t2:')).toBe(true);
    const newOnly = new SecretBox(parseKeyRing(newKey));
    expect(newOnly.decrypt(sealed, { table: 'users', id: org.adminId, orgId: org.orgId })).toBe(secret);
  });
});
