import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestOrg, login, startTestApp, type TestApp } from '../helpers/test-app';
import { waitFor } from '../helpers/wait-for';

const outcomes = async (app: TestApp, orgId: string) => {
  const c = new pg.Client({ connectionString: app.db.adminUrl });
  await c.connect();
  try {
    const { rows } = await c.query(
      `SELECT action, system_source, actor_type FROM audit_log WHERE org_id = $1 AND action LIKE 'audit.chain_%'`,
      [orgId],
    );
    return rows as { action: string; system_source: string; actor_type: string }[];
  } finally {
    await c.end();
  }
};

describe('scheduled chain verification', () => {
  let app: TestApp | undefined;
  afterEach(async () => {
    await app?.stop();
    app = undefined;
  });

  it.each([
    ['BullMQ on Redis', {}],
    ['the in-process runner without Redis', { REDIS_URL: '' }],
  ])('should verify every chain on schedule and log the result as a system entry with %s', async (_label, extra) => {
    app = await startTestApp({ AUDIT_VERIFY_EVERY_MINUTES: '0.01', ...extra });
    const org = await createTestOrg(app);
    await login(app, org.admin);
    await app.vigil.chainer!.drain();
    const rows = await waitFor('a chain verification outcome', async () => {
      const r = await outcomes(app!, org.orgId);
      return r.length > 0 ? r : undefined;
    });
    expect(rows[0]).toEqual({ action: 'audit.chain_verified', system_source: 'job:audit.verify-chains', actor_type: 'system' });
  });

  it("should log a failed verification when an entry was altered behind the app's back", async () => {
    app = await startTestApp({ AUDIT_VERIFY_EVERY_MINUTES: '0.01' });
    const org = await createTestOrg(app);
    await login(app, org.admin);
    await app.vigil.chainer!.drain();
    const c = new pg.Client({ connectionString: app.db.adminUrl });
    await c.connect();
    await c.query('SET session_replication_role = replica');
    await c.query(
      `UPDATE audit_log SET ip_address = '10.6.6.6'
       WHERE (xid, id) = (SELECT entry_xid, entry_id FROM audit_chain WHERE org_id = $1 AND seq = 1)`,
      [org.orgId],
    );
    await c.end();
    const failed = await waitFor('a failed chain verification', async () =>
      (await outcomes(app!, org.orgId)).find((r) => r.action === 'audit.chain_verification_failed'),
    );
    expect(failed.system_source).toBe('job:audit.verify-chains');
  });
});
