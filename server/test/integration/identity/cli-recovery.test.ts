import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recoverAccessCommand } from '@/cli/recover-access';
import { verifyAllChains } from '@/core/audit';
import { parseKeyRing, type KeyRing } from '@/lib/crypto/key-ring';
import {
  adminWithMfa,
  codeOf,
  createTestOrg,
  login,
  startTestApp,
  TEST_PASSWORD,
  type TestApp,
  type TestOrg,
} from '../../helpers/test-app';

// Issue 9, item 2: the day an organization does lock itself out, the CLI can add an Admin to it
// and reset a user's MFA; each leaves a signed entry in the org's chain, and a reset ends the
// user's sessions.
describe('CLI: add-admin and reset-mfa', () => {
  let app: TestApp;
  let org: TestOrg;
  let ring: KeyRing;
  let sql: pg.Client;
  const printed: string[] = [];
  const out = (t: string) => printed.push(t);

  beforeAll(async () => {
    app = await startTestApp();
    org = await createTestOrg(app);
    ring = parseKeyRing(app.vigil.deps.env.ENCRYPTION_KEYS!);
    sql = new pg.Client({ connectionString: app.db.adminUrl });
    await sql.connect();
  });
  afterAll(async () => {
    await sql?.end();
    await app?.stop();
  });

  const entriesOf = async (action: string) =>
    (
      await sql.query('SELECT actor_type, system_source, resource_id, details FROM audit_log WHERE org_id = $1 AND action = $2', [
        org.orgId,
        action,
      ])
    ).rows;
  const userCount = async () =>
    Number((await sql.query('SELECT count(*) FROM users WHERE org_id = $1', [org.orgId])).rows[0].count);

  it("should clear an Admin's MFA, end every session of theirs, and record why", async () => {
    const { token } = await adminWithMfa(app, org);
    expect((await app.gql('{ me { user { id } } }', {}, token)).data).toBeTruthy();
    const env = app.vigil.deps.env;
    expect(
      await recoverAccessCommand(
        env,
        ring,
        { kind: 'reset-mfa', organization: org.slug, email: org.adminEmail, reason: 'lost phone, ticket 7' },
        out,
      ),
    ).toBe(0);
    expect(JSON.parse(printed.at(-1)!)).toMatchObject({ command: 'reset-mfa', userId: org.adminId, sessions: 'ended' });
    const row = (await sql.query('SELECT mfa_enabled_at, mfa_secret_enc FROM users WHERE id = $1', [org.adminId])).rows[0];
    expect(row).toEqual({ mfa_enabled_at: null, mfa_secret_enc: null });
    expect(codeOf(await app.gql('{ me { user { id } } }', {}, token))).toBe('UNAUTHENTICATED');
    const again = await app.gql<{ login: { mfaRequired: boolean } }>(
      'mutation($i: LoginInput!) { login(input: $i) { mfaRequired } }',
      { i: { organization: org.slug, email: org.adminEmail, password: TEST_PASSWORD } },
    );
    expect(again.data?.login.mfaRequired).toBe(false);
    expect(await entriesOf('identity.mfa_reset')).toEqual([
      {
        actor_type: 'system',
        system_source: 'cli:reset-mfa',
        resource_id: org.adminId,
        details: { email: org.adminEmail, reason: 'lost phone, ticket 7' },
      },
    ]);
    await app.vigil.deps.auditChainer?.drain();
    const chains = await verifyAllChains(app.vigil.deps.orm, app.vigil.deps.auditMac);
    expect(chains.find((c) => c.orgId === org.orgId)).toMatchObject({ valid: true });
  });

  it('should add an Admin who can sign in, and refuse a taken email or an unknown organization, writing nothing', async () => {
    const env = app.vigil.deps.env;
    const email = 'rescuer@example.test';
    const add = (organization: string) =>
      recoverAccessCommand(
        env,
        ring,
        { kind: 'add-admin', organization, email, name: 'Rescuer', password: TEST_PASSWORD, reason: 'every Admin left' },
        out,
      );
    expect(await add(org.slug)).toBe(0);
    const { userId } = JSON.parse(printed.at(-1)!) as { userId: string };
    expect((await sql.query('SELECT role_id FROM users WHERE id = $1', [userId])).rows[0].role_id).toBe(org.roles.Admin.id);
    expect(await login(app, { organization: org.slug, email })).toBeTruthy();
    const before = await userCount();
    await expect(add(org.slug)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(add('no-such-org')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await userCount()).toBe(before);
    expect(await entriesOf('identity.administrator_added')).toHaveLength(1);
  });
});
