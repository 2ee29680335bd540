import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createTestOrg, login, startTestApp } from '@vigil/server/testing/test-app';
import { serveOverIpc } from '../../../request/ipc';
import { SEED_EMPLOYEES } from './employees-query';

// Vigil for (c), as the request-path bench runs it (startTestApp: fresh migrated database, the
// machine's Redis under its own prefix, the real HTTP server, NODE_ENV=test, silent logs). The
// roster is seeded as the superuser (60 employees, every third invited with a live link; every
// active one with a Binance and a Kraken connection, one in ten broken, each with two balance
// snapshots of BTC, ETH and USDT, and BTC and ETH priced twice: the total value reads the latest
// snapshot per connection and the latest price per asset, USDT counts as unpriced), and
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
    // Connections are never decrypted by the list: their sealed columns hold placeholders, and they
    // are not due for a poll during the bench (a poll would fail on them and change the answer).
    await c.query(
      `INSERT INTO exchange_connections (org_id, employee_id, venue, key_fingerprint, api_key_enc, secret_enc, status,
                                         scope_proof, scope_checked_at, last_success_at, failing_since, next_poll_at)
       SELECT e.org_id, e.id, v.venue, '…' || v.venue, 'bench-placeholder', 'bench-placeholder',
              CASE WHEN v.venue = 'kraken' AND (row_number() OVER (PARTITION BY v.venue ORDER BY e.name)) % 10 = 1 THEN 'broken' ELSE 'active' END,
              '{}', now(), now(), NULL, now() + interval '1 day'
         FROM employees e CROSS JOIN (VALUES ('binance'), ('kraken')) AS v(venue)
        WHERE e.org_id = $1 AND e.status = 'active'`,
      [org.orgId],
    );
    await c.query(
      `INSERT INTO exchange_balances (org_id, connection_id, employee_id, fetched_at, asset, total, free, used)
       SELECT x.org_id, x.id, x.employee_id, s.at, a.asset, a.amount * s.k, a.amount * s.k, 0
         FROM exchange_connections x
        CROSS JOIN (VALUES (now() - interval '10 minutes', 1), (now() - interval '5 minutes', 2)) AS s(at, k)
        CROSS JOIN (VALUES ('BTC', 0.5), ('ETH', 4.25), ('USDT', 1500)) AS a(asset, amount)
        WHERE x.org_id = $1`,
      [org.orgId],
    );
    await c.query(
      `INSERT INTO asset_prices (asset, quote, price, at, source)
       SELECT a.asset, 'USD', a.price * s.k, s.at, 'kraken'
         FROM (VALUES ('BTC', 90000.5), ('ETH', 3000.25)) AS a(asset, price)
        CROSS JOIN (VALUES (now() - interval '6 minutes', 1.0), (now() - interval '1 minute', 1.01)) AS s(at, k)`,
    );
    // A running database has planner statistics (autovacuum gathers them); a freshly seeded one
    // has none until autovacuum's next pass, and plans made without them (nested loops over
    // "1 row" estimates) would be measured instead of the query.
    await c.query('ANALYZE');
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
