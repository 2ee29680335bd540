import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inScopedTransaction } from '@/lib/db/request-db';
import { claimDueConnections, pollCadence } from '@/modules/holdings/polling/poll-schedule';
import { startExchangeDouble, type ExchangeDouble } from '../../doubles/exchanges/exchange-double';
import {
  CONNECT,
  freshKey,
  pollRunsSettled,
  testPoller,
  onboardedEmployee,
  textColumnsContaining,
  type TestEmployee,
} from '../../helpers/holdings-kit';
import {
  adminWithMfa,
  codeOf,
  createTestOrg,
  createUserWithRole,
  login,
  startTestApp,
  type GqlResult,
  type TestApp,
  type TestOrg,
} from '../../helpers/test-app';

// Issue 10: an employee removes or rotates its own exchange key. A removed connection stops
// polling at once and its sealed key is erased; what was polled with it stays. A rotation proves
// the fresh key first, then stores it and retires the old one in one transaction.

const REMOVE = `mutation($id: ID!) { removeConnection(id: $id) { id status removedAt replacedById } }`;
const ROTATE = `mutation($id: ID!, $input: RotateConnectionInput!) {
  rotateConnection(id: $id, input: $input) {
    connection { id venue status label keyFingerprint employeeId }
    replaced { id status removedAt replacedById }
    balances { asset total } } }`;
const CONNECTIONS = `query($e: ID) { connections(employeeId: $e) { id status } }`;

type Key = { apiKey: string; secret: string };
type Row = {
  status: string;
  api_key_enc: string | null;
  secret_enc: string | null;
  passphrase_enc: string | null;
  removed_at: Date | null;
  replaced_by: string | null;
  updated_at: Date;
};

describe('exchange connections: remove and rotate', () => {
  let double: ExchangeDouble;
  let app: TestApp;
  let sql: pg.Client;
  let org: TestOrg;
  let admin: string;
  let compliance: string;
  let employee: TestEmployee;
  let colleague: TestEmployee;
  let outsider: TestEmployee;
  let outsiderCompliance: string;

  const count = async (table: string, where = 'true', params: unknown[] = []) =>
    Number((await sql.query<{ count: string }>(`SELECT count(*) FROM ${table} WHERE ${where}`, params)).rows[0]!.count);
  const rowOf = async (id: string) =>
    (
      await sql.query<Row>(
        `SELECT status, api_key_enc, secret_enc, passphrase_enc, removed_at, replaced_by, updated_at
           FROM exchange_connections WHERE id = $1`,
        [id],
      )
    ).rows[0]!;
  // What a refused request must not change (the poller keeps writing health columns meanwhile).
  const snapshot = async () =>
    (
      await sql.query(
        `SELECT id, employee_id, venue, label, status, api_key_enc, secret_enc, passphrase_enc, removed_at, replaced_by
           FROM exchange_connections ORDER BY id`,
      )
    ).rows as unknown[];
  const connected = async (who: TestEmployee, balances: Record<string, string> = { BTC: '1' }) => {
    const key = freshKey();
    double.addKey({ ...key, permissions: 'read_only', balances });
    const res = await app.gql<{ connectExchange: { connection: { id: string } } }>(
      CONNECT,
      { input: { venue: 'binance', ...key, label: 'Main' } },
      who.token,
    );
    if (!res.data) throw new Error(`connectExchange failed: ${JSON.stringify(res.errors)}`);
    return { id: res.data.connectExchange.connection.id, key };
  };
  const polledOk = (id: string, atLeast = 1) =>
    expect
      .poll(() => count('poll_runs', "connection_id = $1 AND outcome = 'ok'", [id]), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(atLeast);
  const requestsWith = (apiKey: string, since = 0) => double.requests.slice(since).filter((r) => r.apiKeyHeader === apiKey);
  const poller = () => testPoller(app);

  const quietFor = (id: string) => pollRunsSettled(sql, id);

  /** Removed: no key left, never claimed by the scheduler, skipped by the poller, nothing sent to the venue. */
  async function expectNeverPolledAgain(id: string, key: Key) {
    const runs = await quietFor(id);
    const sent = double.requests.length;
    await new Promise((r) => setTimeout(r, 2_500));
    expect(await count('poll_runs', 'connection_id = $1', [id])).toBe(runs);
    expect(requestsWith(key.apiKey, sent)).toEqual([]);
    // Due or not, the scheduler's claim leaves it alone, and a poll queued before the removal skips it.
    await sql.query(`UPDATE exchange_connections SET next_poll_at = now() - interval '1 hour' WHERE id = $1`, [id]);
    const claimed = await inScopedTransaction(app.vigil.deps.orm, { role: 'vigil_system', source: 'test' }, (em) =>
      claimDueConnections(em, { ...pollCadence(app.vigil.deps.env), claimBatch: 100_000 }),
    );
    expect(claimed.map((c) => c.id)).not.toContain(id);
    expect(await poller().poll(id)).toBe('skipped');
    expect(requestsWith(key.apiKey, sent)).toEqual([]);
  }

  beforeAll(async () => {
    double = await startExchangeDouble('binance');
    app = await startTestApp({
      EXCHANGE_API_BASE_BINANCE: double.url,
      POLL_INTERVAL_SECONDS: '1',
      POLL_JITTER_SECONDS: '0',
      POLL_SCHEDULE_EVERY_SECONDS: '0.1',
    });
    sql = new pg.Client({ connectionString: app.db.adminUrl });
    await sql.connect();
    org = await createTestOrg(app, 'Lifecycle Capital');
    admin = (await adminWithMfa(app, org)).token;
    compliance = await login(app, await createUserWithRole(app, admin, org.roles.Compliance.id, 'compliance'));
    employee = await onboardedEmployee(app, admin, 'Rita Rotator');
    colleague = await onboardedEmployee(app, admin, 'Nosy Colleague');
    const other = await createTestOrg(app, 'Elsewhere Partners');
    const otherAdmin = (await adminWithMfa(app, other)).token;
    outsider = await onboardedEmployee(app, otherAdmin, 'Otto Outsider');
    outsiderCompliance = await login(app, await createUserWithRole(app, otherAdmin, other.roles.Compliance.id, 'compliance'));
  }, 120_000);
  afterAll(async () => {
    await sql?.end();
    await app?.stop();
    await double?.close();
  });

  it('should remove the employee’s own connection: key erased, polling stopped, history kept, audited', async () => {
    const { id, key } = await connected(employee, { ETH: '3' });
    await polledOk(id);
    const res = await app.gql<{ removeConnection: { id: string; status: string; removedAt: string | null } }>(
      REMOVE,
      { id },
      employee.token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.removeConnection).toMatchObject({ id, status: 'removed', replacedById: null });
    expect(res.data!.removeConnection.removedAt).toBeTruthy();
    const row = await rowOf(id);
    expect(row).toMatchObject({
      status: 'removed',
      api_key_enc: null,
      secret_enc: null,
      passphrase_enc: null,
      replaced_by: null,
    });
    expect(row.removed_at).not.toBeNull();
    // What was polled stays: the poll runs and the balance snapshot.
    expect(await count('poll_runs', "connection_id = $1 AND outcome = 'ok'", [id])).toBeGreaterThanOrEqual(1);
    expect(await count('exchange_balances', "connection_id = $1 AND asset = 'ETH'", [id])).toBe(1);
    // Gone from the employee's list and from compliance's.
    const own = await app.gql<{ connections: { id: string }[] }>(CONNECTIONS, {}, employee.token);
    expect(own.data!.connections.map((c) => c.id)).not.toContain(id);
    const seen = await app.gql<{ connections: { id: string }[] }>(CONNECTIONS, { e: employee.id }, compliance);
    expect(seen.data!.connections.map((c) => c.id)).not.toContain(id);
    await expectNeverPolledAgain(id, key);
    expect(await textColumnsContaining(sql, key.secret)).toEqual([]);
    await app.vigil.deps.auditChainer?.drain();
    const entries = (
      await sql.query(
        `SELECT outcome, resource_type, details FROM audit_log WHERE action = 'mutation.removeConnection' AND resource_id = $1`,
        [id],
      )
    ).rows;
    expect(entries).toEqual([
      expect.objectContaining({
        outcome: 'allowed',
        resource_type: 'connection',
        details: expect.objectContaining({ employeeId: employee.id, venue: 'binance', by: 'employee' }),
      }),
    ]);
  });

  it('should record nothing on a connection removed while a poll of it was failing at the venue', async () => {
    const { id, key } = await connected(employee);
    await polledOk(id);
    // The app's scheduler leaves it alone from now on: the only poll is the test's own.
    await sql.query(`UPDATE exchange_connections SET next_poll_at = now() + interval '1 hour' WHERE id = $1`, [id]);
    await quietFor(id);
    const before = await sql.query<{ last_error: string | null; failing_since: Date | null }>(
      'SELECT last_error, failing_since FROM exchange_connections WHERE id = $1',
      [id],
    );
    // The venue now refuses the key, slowly: the removal lands while the poll waits for its answer.
    double.revoke(key.apiKey);
    double.setLatency(1_500);
    try {
      const polling = poller().poll(id);
      await new Promise((r) => setTimeout(r, 300));
      const removed = await app.gql(REMOVE, { id }, employee.token);
      expect(removed.errors).toBeUndefined();
      const runs = await count('poll_runs', 'connection_id = $1', [id]);
      expect(await polling).toBe('skipped');
      expect(await quietFor(id)).toBe(runs);
    } finally {
      double.setLatency(undefined);
    }
    const after = await sql.query('SELECT status, last_error, failing_since FROM exchange_connections WHERE id = $1', [id]);
    expect(after.rows[0]).toEqual({ status: 'removed', ...before.rows[0] });
    expect(await count('alerts', "subject_id = $1 AND kind = 'connection_broken'", [id])).toBe(0);
  });

  it('should answer NOT_FOUND for another employee’s connection or another org’s, and change nothing', async () => {
    const { id } = await connected(employee);
    const fresh = freshKey();
    double.addKey({ ...fresh, permissions: 'read_only' });
    const before = await snapshot();
    const sent = double.requests.length;
    for (const token of [colleague.token, outsider.token, outsiderCompliance]) {
      const removed = await app.gql(REMOVE, { id }, token);
      expect(codeOf(removed)).toBe('NOT_FOUND');
      expect(removed.data).toBeNull();
    }
    for (const token of [colleague.token, outsider.token]) {
      expect(codeOf(await app.gql(ROTATE, { id, input: fresh }, token))).toBe('NOT_FOUND');
    }
    // A connection id that does not exist reads the same as one the caller may not see.
    expect(codeOf(await app.gql(REMOVE, { id: '00000000-0000-4000-8000-000000000000' }, employee.token))).toBe('NOT_FOUND');
    expect(await snapshot()).toEqual(before);
    // Not even the fresh key was sent to the venue for someone else's connection.
    expect(requestsWith(fresh.apiKey, sent)).toEqual([]);
    expect((await rowOf(id)).status).toBe('active');
  });

  it('should refuse malformed ids with BAD_USER_INPUT, the wrong roles with FORBIDDEN, and write nothing', async () => {
    const { id } = await connected(employee);
    const fresh = freshKey();
    const before = await snapshot();
    for (const bad of ['not-a-uuid', `${id}\u0000`, `${id}' OR '1'='1`, 'x'.repeat(10_000)]) {
      expect(codeOf(await app.gql(REMOVE, { id: bad }, employee.token)), bad.slice(0, 40)).toBe('BAD_USER_INPUT');
      expect(codeOf(await app.gql(ROTATE, { id: bad, input: fresh }, employee.token)), bad.slice(0, 40)).toBe('BAD_USER_INPUT');
    }
    for (const input of [
      { apiKey: 'short', secret: fresh.secret },
      { apiKey: `${fresh.apiKey}\u0000`, secret: fresh.secret },
      { ...fresh, label: 'l'.repeat(81) },
    ]) {
      expect(codeOf(await app.gql(ROTATE, { id, input }, employee.token))).toBe('BAD_USER_INPUT');
    }
    // The Admin holds no connections:write; Compliance may remove but never rotate (it holds no key).
    expect(codeOf(await app.gql(REMOVE, { id }, admin))).toBe('FORBIDDEN');
    expect(codeOf(await app.gql(ROTATE, { id, input: fresh }, compliance))).toBe('FORBIDDEN');
    expect(codeOf(await app.gql(REMOVE, { id }))).toBe('UNAUTHENTICATED');
    expect(await snapshot()).toEqual(before);
  });

  it('should let Compliance remove an employee’s connection in its org', async () => {
    const { id, key } = await connected(employee);
    const res = await app.gql<{ removeConnection: { status: string } }>(REMOVE, { id }, compliance);
    expect(res.errors).toBeUndefined();
    expect(res.data!.removeConnection.status).toBe('removed');
    expect(await rowOf(id)).toMatchObject({ status: 'removed', api_key_enc: null, secret_enc: null });
    await expectNeverPolledAgain(id, key);
  });

  it('should remove a connection once when 100 removals arrive at once: one succeeds, the rest are CONFLICT', async () => {
    const { id } = await connected(employee);
    const results: GqlResult<unknown>[] = await Promise.all(
      Array.from({ length: 100 }, () => app.gql(REMOVE, { id }, employee.token)),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => codeOf(r) === 'CONFLICT')).toHaveLength(99);
    const row = await rowOf(id);
    expect(row).toMatchObject({ status: 'removed', api_key_enc: null, secret_enc: null });
    // Removing it again is refused and changes nothing.
    expect(codeOf(await app.gql(REMOVE, { id }, employee.token))).toBe('CONFLICT');
    expect((await rowOf(id)).updated_at).toEqual(row.updated_at);
  });

  it('should rotate to a fresh key for the same venue: proved first, stored, the old one retired in one step', async () => {
    const { id, key } = await connected(employee, { SOL: '7' });
    await polledOk(id);
    const fresh = freshKey();
    double.addKey({ ...fresh, permissions: 'read_only', balances: { SOL: '8' } });
    const res = await app.gql<{
      rotateConnection: {
        connection: { id: string; venue: string; status: string; label: string; keyFingerprint: string; employeeId: string };
        replaced: { id: string; status: string; replacedById: string };
        balances: { asset: string; total: string }[];
      };
    }>(ROTATE, { id, input: fresh }, employee.token);
    expect(res.errors).toBeUndefined();
    const { connection, replaced, balances } = res.data!.rotateConnection;
    expect(connection).toMatchObject({
      venue: 'binance',
      status: 'active',
      label: 'Main',
      employeeId: employee.id,
      keyFingerprint: `…${fresh.apiKey.slice(-4)}`,
    });
    expect(replaced).toEqual({ id, status: 'removed', removedAt: expect.any(String), replacedById: connection.id });
    expect(balances).toEqual([expect.objectContaining({ asset: 'SOL', total: '8' })]);
    expect(await rowOf(id)).toMatchObject({ status: 'removed', api_key_enc: null, secret_enc: null, replaced_by: connection.id });
    expect((await rowOf(connection.id)).api_key_enc).toMatch(/^v1:/);
    // The fresh key was asked for its permissions before anything was stored.
    expect(double.requests.some((r) => r.apiKeyHeader === fresh.apiKey && r.path.includes('apiRestrictions'))).toBe(true);
    await polledOk(connection.id);
    await expectNeverPolledAgain(id, key);
    expect(await count('exchange_balances', "connection_id = $1 AND asset = 'SOL'", [id])).toBe(1);
    expect(await textColumnsContaining(sql, fresh.secret)).toEqual([]);
    await app.vigil.deps.auditChainer?.drain();
    const entry = (
      await sql.query(`SELECT outcome, details FROM audit_log WHERE action = 'mutation.rotateConnection' AND resource_id = $1`, [
        id,
      ])
    ).rows;
    expect(entry).toEqual([
      expect.objectContaining({
        outcome: 'allowed',
        details: expect.objectContaining({ replacedBy: connection.id, venue: 'binance' }),
      }),
    ]);
    expect(JSON.stringify(entry)).not.toContain(fresh.secret);
    const own = await app.gql<{ connections: { id: string }[] }>(CONNECTIONS, {}, employee.token);
    expect(own.data!.connections.map((c) => c.id)).toContain(connection.id);
    expect(own.data!.connections.map((c) => c.id)).not.toContain(id);
  });

  it('should keep the old key when the fresh one is too broad, and store nothing of the fresh one', async () => {
    const { id } = await connected(employee);
    const fresh = freshKey();
    double.addKey({ ...fresh, permissions: ['withdraw'], balances: { BTC: '1' } });
    const before = await snapshot();
    const res = await app.gql(ROTATE, { id, input: fresh }, employee.token);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.extensions!.reason).toBe('KEY_TOO_BROAD');
    expect(await snapshot()).toEqual(before);
    expect((await rowOf(id)).status).toBe('active');
    expect(await textColumnsContaining(sql, fresh.secret)).toEqual([]);
  });

  it('should refuse to rotate a removed connection, and store one fresh key when two rotations race', async () => {
    const { id } = await connected(employee);
    const a = freshKey();
    const b = freshKey();
    double.addKey({ ...a, permissions: 'read_only' });
    double.addKey({ ...b, permissions: 'read_only' });
    const connectionsBefore = await count('exchange_connections');
    const results = await Promise.all([a, b].map((k) => app.gql(ROTATE, { id, input: k }, employee.token)));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => codeOf(r) === 'CONFLICT')).toHaveLength(1);
    expect(await count('exchange_connections')).toBe(connectionsBefore + 1);
    expect(await count('exchange_connections', 'replaced_by IS NOT NULL AND id = $1', [id])).toBe(1);

    const before = await snapshot();
    const c = freshKey();
    double.addKey({ ...c, permissions: 'read_only' });
    expect(codeOf(await app.gql(ROTATE, { id, input: c }, employee.token))).toBe('CONFLICT');
    expect(await snapshot()).toEqual(before);
  });

  it('should refuse a user session that brings a removed connection back or writes a key (migration 0025)', async () => {
    const { id: removed } = await connected(employee);
    expect((await app.gql(REMOVE, { id: removed }, employee.token)).errors).toBeUndefined();
    const { id: live } = await connected(employee);
    // A reviewer's session, which RLS lets update any connection of its org: the trigger still refuses.
    const asReviewer = (statement: string, id: string) =>
      inScopedTransaction(
        app.vigil.deps.orm,
        {
          role: 'vigil_user',
          actorType: 'user',
          orgId: org.orgId,
          actorId: org.adminId,
          roleId: null,
          permissions: ['connections:read', 'connections:write', 'employees:read'],
        },
        (em) => em.execute(statement, [id]),
      );
    const before = await snapshot();
    await expect(asReviewer(`UPDATE exchange_connections SET status = 'active' WHERE id = ?`, removed)).rejects.toThrow(
      /kept as history/,
    );
    await expect(asReviewer(`UPDATE exchange_connections SET secret_enc = 'v1:t1:a:b:c' WHERE id = ?`, live)).rejects.toThrow(
      /only erases/,
    );
    await expect(
      asReviewer(`UPDATE exchange_connections SET employee_id = gen_random_uuid() WHERE id = ?`, live),
    ).rejects.toThrow();
    expect(await snapshot()).toEqual(before);
  });
});
