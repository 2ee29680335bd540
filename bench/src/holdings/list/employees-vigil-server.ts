import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createTestOrg, login, startTestApp } from '@vigil/server/testing/test-app';
import { serveOverIpc } from '../../../request/ipc';
import { SEED_EMPLOYEES } from './employees-query';

// Vigil for (c), as the request-path bench runs it (startTestApp: fresh migrated database, the
// machine's Redis under its own prefix, the real HTTP server, NODE_ENV=test, silent logs). The
// roster is seeded as the superuser (60 employees, every third invited with a live link), and
// the bench asks with an Admin session: authenticated, shield rules, RLS-bound request
// transaction, one audit entry per request.

const app = await startTestApp({
  AUDIT_CHAIN_INTERVAL_MS: process.env.BENCH_CHAIN_INTERVAL_MS ?? '50',
  LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
});
try {
  const org = await createTestOrg(app, 'Bench Roster');
  const c = new pg.Client({ connectionString: app.db.adminUrl });
  await c.connect();
  try {
    await c.query(
      `INSERT INTO employees (org_id, name, email, department, status, status_changed_at, created_at)
       SELECT $1, 'Trader ' || lpad(n::text, 2, '0'), 'trader-' || lpad(n::text, 2, '0') || '@example.test', 'Desk ' || (n % 7),
              CASE WHEN n % 3 = 0 THEN 'invited' ELSE 'active' END,
              timestamptz '2026-01-01' + n * interval '1 second', timestamptz '2026-01-01' + n * interval '1 second'
         FROM generate_series(0, $2 - 1) AS n`,
      [org.orgId, SEED_EMPLOYEES],
    );
    const { rows } = await c.query<{ id: string }>(`SELECT id FROM employees WHERE org_id = $1 AND status = 'invited'`, [
      org.orgId,
    ]);
    for (const r of rows) {
      await c.query(
        `INSERT INTO employee_invitations (org_id, employee_id, token_hash, created_by, expires_at)
         VALUES ($1, $2, $3, $4, now() + interval '7 days')`,
        [org.orgId, r.id, randomBytes(32), org.adminId],
      );
    }
  } finally {
    await c.end();
  }
  const token = await login(app, org.admin);
  const batcher = app.vigil.deps.auditBatcher;
  serveOverIpc(
    {
      url: app.url,
      path: '/graphql',
      headers: { authorization: `Bearer ${token}` },
      adminUrl: app.db.adminUrl,
      orgId: org.orgId,
    },
    () => app.stop(),
    () => ({ ...batcher.stats }),
  );
} catch (err) {
  await app.stop();
  throw err;
}
