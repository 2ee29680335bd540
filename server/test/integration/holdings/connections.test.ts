import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { reencryptSecrets } from '@/cli/reencrypt-secrets';
import { parseKeyRing } from '@/lib/crypto/key-ring';
import { SecretBox } from '@/lib/crypto/secret-box';
import { startExchangeDouble, type ExchangeDouble } from '../../doubles/exchanges/exchange-double';
import {
  CONNECT,
  freshKey,
  onboardedEmployee,
  testPoller,
  textColumnsContaining,
  type TestEmployee,
} from '../../helpers/holdings-kit';
import { PG_HOST, PG_PORT, PG_SUPERUSER } from '../../helpers/test-database';
import {
  adminWithMfa,
  codeOf,
  createTestOrg,
  createUserWithRole,
  login,
  startTestApp,
  type TestApp,
  type TestOrg,
} from '../../helpers/test-app';

// Issue 10, items 3, 4, 8 and 9 end to end: an employee connects a key at a local Binance
// double through the real ccxt adapter; the scope is proved before anything is stored; the
// scheduler polls it; a revoked or widened key shows within one cycle.
const CONNECTIONS = `query($e: ID) { connections(employeeId: $e) { id status keyFingerprint lastSuccessAt lastError } }`;

describe('exchange connections, onboarding to polling', () => {
  let double: ExchangeDouble;
  let app: TestApp;
  let sql: pg.Client;
  let org: TestOrg;
  let admin: string;
  let compliance: string;
  let employee: TestEmployee;
  const logs: string[] = [];

  const connect = (token: string, key: { apiKey: string; secret: string }, extra: Record<string, unknown> = {}) =>
    app.gql<{
      connectExchange: {
        connection: { id: string; status: string; keyFingerprint: string };
        balances: { asset: string; total: string }[];
      };
    }>(CONNECT, { input: { venue: 'binance', ...key, ...extra } }, token);
  const count = async (table: string, where = 'true', params: unknown[] = []) =>
    Number((await sql.query(`SELECT count(*) FROM ${table} WHERE ${where}`, params)).rows[0].count);

  beforeAll(async () => {
    double = await startExchangeDouble('binance');
    const { createLogger } = await import('@/lib/logger');
    const logger = createLogger('debug');
    // Everything the server logs, to check that no key or secret reaches a log line.
    const capture = (level: string) => (obj: unknown, msg?: string) => logs.push(`${level} ${JSON.stringify(obj)} ${msg ?? ''}`);
    const spy = new Proxy(logger, {
      get(target, prop, receiver) {
        if (['info', 'warn', 'error', 'debug', 'fatal', 'trace'].includes(String(prop))) return capture(String(prop));
        if (prop === 'child') return () => spy;
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
    app = await startTestApp(
      {
        EXCHANGE_API_BASE_BINANCE: double.url,
        POLL_INTERVAL_SECONDS: '1',
        POLL_JITTER_SECONDS: '0',
        POLL_SCHEDULE_EVERY_SECONDS: '0.1',
      },
      { logger: spy },
    );
    sql = new pg.Client({ connectionString: app.db.adminUrl });
    await sql.connect();
    org = await createTestOrg(app, 'Acme Trading');
    admin = (await adminWithMfa(app, org)).token;
    compliance = await login(app, await createUserWithRole(app, admin, org.roles.Compliance.id, 'compliance'));
    employee = await onboardedEmployee(app, admin);
  });
  afterAll(async () => {
    await sql?.end();
    await app?.stop();
    await double?.close();
  });

  it('should store a read-only key sealed, show only its fingerprint, and poll its balances and trades', async () => {
    const key = freshKey();
    double.addKey({
      ...key,
      permissions: 'read_only',
      balances: { BTC: '0.5', USDT: '1200' },
      trades: [
        {
          id: '28457',
          orderId: '1',
          symbol: 'BTC/USDT',
          side: 'buy',
          amount: '0.1',
          price: '60000',
          fee: '0.0001',
          feeAsset: 'BTC',
          timestamp: Date.now() - 60_000,
        },
      ],
    });
    const res = await connect(employee.token, key, { label: 'Main account' });
    expect(res.errors).toBeUndefined();
    const { connection, balances } = res.data!.connectExchange;
    expect(connection).toMatchObject({ status: 'active', keyFingerprint: `…${key.apiKey.slice(-4)}` });
    expect(balances).toEqual(expect.arrayContaining([expect.objectContaining({ asset: 'BTC' })]));
    const row = (
      await sql.query('SELECT api_key_enc, secret_enc, scope_proof FROM exchange_connections WHERE id = $1', [connection.id])
    ).rows[0];
    expect(row.api_key_enc).toMatch(/^v1:t1:/);
    expect(row.scope_proof.verdict).toBe('read_only');
    expect(await textColumnsContaining(sql, key.secret)).toEqual([]);
    expect(await textColumnsContaining(sql, key.apiKey)).toEqual([]);

    // Within a cycle the scheduler polls it: balances and the trade, the venue's trade id kept as text.
    await expect
      .poll(() => count('poll_runs', "connection_id = $1 AND outcome = 'ok'", [connection.id]), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(2);
    expect(await count('exchange_trades', 'connection_id = $1', [connection.id])).toBe(1);
    expect(
      (await sql.query('SELECT venue_trade_id FROM exchange_trades WHERE connection_id = $1', [connection.id])).rows[0]
        .venue_trade_id,
    ).toBe('28457');
    expect(await count('exchange_balances', "connection_id = $1 AND asset = 'BTC'", [connection.id])).toBe(1);
    const seen = await app.gql<{ connections: { id: string; lastSuccessAt: string | null }[] }>(
      CONNECTIONS,
      { e: employee.id },
      compliance,
    );
    expect(seen.data?.connections.find((c) => c.id === connection.id)?.lastSuccessAt).toBeTruthy();
    // No request reached anything but the double, and no log line holds the key or the secret.
    expect(double.requests.every((r) => r.host === new URL(double.url).host)).toBe(true);
    expect(logs.filter((l) => l.includes(key.secret) || l.includes(key.apiKey))).toEqual([]);
  });

  it.each([
    ['trade', ['trade'] as const],
    ['withdraw', ['withdraw'] as const],
    ['transfer', ['transfer'] as const],
  ])('should refuse a %s key naming the permission, and keep nothing of it anywhere', async (_label, powers) => {
    const key = freshKey();
    double.addKey({ ...key, permissions: [...powers], balances: { BTC: '1' } });
    const before = await count('exchange_connections');
    const res = await connect(employee.token, key);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.reason).toBe('KEY_TOO_BROAD');
    expect((res.errors?.[0]?.extensions?.offending as string[]).length).toBeGreaterThan(0);
    expect(await count('exchange_connections')).toBe(before);
    expect(await textColumnsContaining(sql, key.secret)).toEqual([]);
    expect(await textColumnsContaining(sql, key.apiKey.slice(-12))).toEqual([]);
    const dump = await pgDump(app.db.name);
    expect(dump.includes(key.secret)).toBe(false);
    expect(dump.includes(key.apiKey)).toBe(false);
    expect(logs.filter((l) => l.includes(key.secret) || l.includes(key.apiKey))).toEqual([]);
  });

  it('should refuse a key whose permission check fails, as "could not verify", and store nothing', async () => {
    const key = freshKey();
    double.addKey({ ...key, permissions: 'read_only' });
    double.failPermissionEndpoint(key.apiKey);
    const before = await count('exchange_connections');
    const res = await connect(employee.token, key);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.reason).toBe('SCOPE_UNKNOWN');
    expect(await count('exchange_connections')).toBe(before);
  });

  it('should refuse keys from anyone but an employee, and bad input, writing nothing', async () => {
    const key = freshKey();
    double.addKey({ ...key, permissions: 'read_only' });
    const before = await count('exchange_connections');
    expect(codeOf(await connect(compliance, key))).toBe('FORBIDDEN');
    expect(codeOf(await connect(admin, key))).toBe('FORBIDDEN');
    expect(codeOf(await app.gql(CONNECT, { input: { venue: 'binance', ...key } }))).toBe('UNAUTHENTICATED');
    for (const input of [
      { venue: 'nasdaq', ...key },
      { venue: 'binance', apiKey: 'short', secret: key.secret },
      { venue: 'binance', apiKey: `${key.apiKey}\u0000`, secret: key.secret },
      { venue: 'binance', apiKey: key.apiKey, secret: 'x'.repeat(100_000) },
      { venue: 'binance', apiKey: 'has spaces in it', secret: key.secret },
      { venue: 'binance', ...key, label: 'l'.repeat(81) },
    ]) {
      expect(codeOf(await app.gql(CONNECT, { input }, employee.token)), JSON.stringify(input).slice(0, 50)).toBe(
        'BAD_USER_INPUT',
      );
    }
    expect(await count('exchange_connections')).toBe(before);
  });

  it('should mark a revoked key broken within one cycle, open one alert, and stop polling it', async () => {
    const key = freshKey();
    double.addKey({ ...key, permissions: 'read_only', balances: { ETH: '2' } });
    const { id } = (await connect(employee.token, key)).data!.connectExchange.connection;
    await expect
      .poll(() => count('poll_runs', "connection_id = $1 AND outcome = 'ok'", [id]), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(1);
    double.revoke(key.apiKey);
    const revokedAt = Date.now();
    await expect
      .poll(async () => (await sql.query('SELECT status FROM exchange_connections WHERE id = $1', [id])).rows[0].status, {
        timeout: 15_000,
      })
      .toBe('broken');
    // One polling cycle is 1 s here (+ the scheduler's 0.1 s tick and the poll itself).
    expect(Date.now() - revokedAt).toBeLessThan(5_000);
    expect(await count('alerts', "kind = 'connection_broken' AND subject_id = $1", [id])).toBe(1);
    expect(await count('poll_runs', "connection_id = $1 AND outcome = 'auth_failed'", [id])).toBe(1);
    // The roster shows the employee's health as broken (the console's red badge).
    const roster = await app.gql<{ employee: { health: string } }>(
      'query($id: ID!) { employee(id: $id) { health } }',
      { id: employee.id },
      admin,
    );
    expect(roster.data?.employee.health).toBe('broken');
    const runs = await count('poll_runs', 'connection_id = $1', [id]);
    await new Promise((r) => setTimeout(r, 2_500));
    expect(await count('poll_runs', 'connection_id = $1', [id])).toBe(runs);
    // The last good snapshot stays.
    expect(await count('exchange_balances', "connection_id = $1 AND asset = 'ETH'", [id])).toBe(1);
  });

  it('should suspend a key whose scope widened and never use it again', async () => {
    const key = freshKey();
    double.addKey({ ...key, permissions: 'read_only', balances: { SOL: '10' } });
    const { id } = (await connect(employee.token, key)).data!.connectExchange.connection;
    await expect
      .poll(() => count('poll_runs', "connection_id = $1 AND outcome = 'ok'", [id]), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(1);
    double.setPermissions(key.apiKey, ['withdraw']);
    await expect
      .poll(async () => (await sql.query('SELECT status FROM exchange_connections WHERE id = $1', [id])).rows[0].status, {
        timeout: 15_000,
      })
      .toBe('suspended');
    expect(await count('alerts', "kind = 'scope_widened' AND subject_id = $1", [id])).toBe(1);
    const hits = double.requests.length;
    await new Promise((r) => setTimeout(r, 2_500));
    const after = double.requests.slice(hits).filter((r) => r.apiKeyHeader === key.apiKey);
    expect(after).toEqual([]);
  });

  it('should keep polling every connection after reencrypt-secrets moves its ciphertexts to a new key', async () => {
    const key = freshKey();
    double.addKey({ ...key, permissions: 'read_only', balances: { ADA: '300' } });
    const { id } = (await connect(employee.token, key, { label: 'Rotated' })).data!.connectExchange.connection;
    // The running app's worker holds the old ring only: keep it away while the key ring turns.
    await sql.query(`UPDATE exchange_connections SET next_poll_at = now() + interval '1 hour'`);
    // Let polls already claimed finish (each is well under a second against the double).
    const settled = async () => {
      const runs = () => count('poll_runs');
      for (let before = await runs(); ;) {
        await new Promise((r) => setTimeout(r, 1_500));
        const after = await runs();
        if (after === before) return;
        before = after;
      }
    };
    await settled();
    const ring = parseKeyRing(`${app.vigil.deps.env.ENCRYPTION_KEYS!},t2:${randomBytes(32).toString('base64')}`);
    const result = await reencryptSecrets(app.vigil.deps.orm, new SecretBox(ring), ring.currentKeyId);
    expect(
      result
        .filter((r) => r.table === 'exchange_connections')
        .map((r) => r.column)
        .sort(),
    ).toEqual(['api_key_enc', 'passphrase_enc', 'secret_enc']);
    const { rows } = await sql.query(
      `SELECT id, api_key_enc, secret_enc FROM exchange_connections WHERE status IN ('active', 'scope_unverified')`,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.api_key_enc.startsWith('v1:t2:') && r.secret_enc.startsWith('v1:t2:'))).toBe(true);
    const poller = testPoller(app, new SecretBox(ring));
    for (const row of rows) expect(await poller.poll(row.id as string), row.id as string).toBe('ok');
    expect(rows.map((r) => r.id)).toContain(id);
  });

  it('should fail a poll whose ciphertext was altered or moved to another connection (H5)', async () => {
    const a = freshKey();
    const b = freshKey();
    double.addKey({ ...a, permissions: 'read_only' });
    double.addKey({ ...b, permissions: 'read_only' });
    const idA = (await connect(employee.token, a)).data!.connectExchange.connection.id;
    const idB = (await connect(employee.token, b)).data!.connectExchange.connection.id;
    await sql.query(`UPDATE exchange_connections SET status = 'removed' WHERE id IN ($1, $2)`, [idA, idB]);
    const tampered = (await sql.query('SELECT now() AS at')).rows[0].at as Date;
    const { rows } = await sql.query('SELECT id, secret_enc FROM exchange_connections WHERE id IN ($1, $2)', [idA, idB]);
    const sealedA = rows.find((r) => r.id === idA).secret_enc as string;
    const flipped = sealedA.slice(0, -3) + (sealedA.at(-3) === 'A' ? 'B' : 'A') + sealedA.slice(-2);
    await sql.query(`UPDATE exchange_connections SET secret_enc = $1, status = 'active', next_poll_at = now() WHERE id = $2`, [
      flipped,
      idA,
    ]);
    await sql.query(`UPDATE exchange_connections SET secret_enc = $1, status = 'active', next_poll_at = now() WHERE id = $2`, [
      sealedA,
      idB,
    ]);
    // Neither decrypts: each is broken at its first poll (never polled with what it would decrypt
    // to), with one alert, and not polled again.
    const statuses = async () =>
      (await sql.query('SELECT status FROM exchange_connections WHERE id IN ($1, $2)', [idA, idB])).rows.map((r) => r.status);
    await expect.poll(statuses, { timeout: 15_000 }).toEqual(['broken', 'broken']);
    const since = 'connection_id IN ($1, $2) AND started_at >= $3';
    expect(await count('poll_runs', `${since} AND outcome = 'error'`, [idA, idB, tampered])).toBe(2);
    expect(await count('poll_runs', `${since} AND outcome <> 'error'`, [idA, idB, tampered])).toBe(0);
    expect(await count('alerts', "kind = 'connection_broken' AND subject_id IN ($1, $2)", [idA, idB])).toBe(2);
    expect(logs.some((l) => l.includes('does not decrypt'))).toBe(true);
  });

  it("should show an employee's connections to Compliance, to the employee, and to no other org", async () => {
    const other = await createTestOrg(app, 'Other Fund');
    const otherAdmin = (await adminWithMfa(app, other)).token;
    const mine = await app.gql<{ connections: { id: string }[] }>(CONNECTIONS, {}, employee.token);
    expect(mine.errors).toBeUndefined();
    expect(mine.data?.connections.length).toBeGreaterThan(0);
    const viaCompliance = await app.gql<{ connections: { id: string }[] }>(CONNECTIONS, { e: employee.id }, compliance);
    expect(viaCompliance.data?.connections.map((c) => c.id).sort()).toEqual(
      expect.arrayContaining(mine.data!.connections.map((c) => c.id)),
    );
    const viaOther = await app.gql<{ connections: { id: string }[] }>(CONNECTIONS, { e: employee.id }, otherAdmin);
    expect(viaOther.data?.connections).toEqual([]);
    const colleague = await onboardedEmployee(app, admin, 'Colleague');
    const nosy = await app.gql<{ connections: { id: string }[] }>(CONNECTIONS, { e: employee.id }, colleague.token);
    expect(nosy.data?.connections).toEqual([]);
  });

  // Last in the file: it closes the Binance gate for every connection for a few seconds.
  it('should send nothing to a venue during its Retry-After, and record each poll it defers', async () => {
    const key = freshKey();
    double.addKey({ ...key, permissions: 'read_only', balances: { DOT: '5' } });
    const { id } = (await connect(employee.token, key)).data!.connectExchange.connection;
    await expect
      .poll(() => count('poll_runs', "connection_id = $1 AND outcome = 'ok'", [id]), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(1);
    double.throttle(key.apiKey, 4);
    await expect
      .poll(() => count('poll_runs', "connection_id = $1 AND outcome = 'rate_limited'", [id]), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(2);
    expect(double.stats.sentDuringRetryAfter).toBe(0);
    // Once the wait is over it polls again.
    const okBefore = await count('poll_runs', "connection_id = $1 AND outcome = 'ok'", [id]);
    await expect
      .poll(() => count('poll_runs', "connection_id = $1 AND outcome = 'ok'", [id]), { timeout: 20_000 })
      .toBeGreaterThan(okBefore);
  });
});

async function pgDump(database: string): Promise<string> {
  const { stdout } = await promisify(execFile)(
    'pg_dump',
    ['-h', PG_HOST, '-p', PG_PORT, '-U', PG_SUPERUSER, '--data-only', database],
    {
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  return stdout;
}
