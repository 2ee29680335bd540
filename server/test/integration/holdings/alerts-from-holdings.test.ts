import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startExchangeDouble, type ExchangeDouble } from '../../doubles/exchanges/exchange-double';
import { sampleCredentials, sampleKey } from '../../doubles/exchanges/sample-accounts';
import { CONNECT, onboardedEmployee, type TestEmployee } from '../../helpers/holdings-kit';
import { adminWithMfa, createTestOrg, createUserWithRole, login, startTestApp, type TestApp } from '../../helpers/test-app';

// Issue 10: the alerts holdings raises on its own, end to end through the scheduler. A key whose
// scope the venue cannot prove (Binance's testnet has no permission endpoint) is stored
// scope_unverified with exactly one alert; a key the venue says expires within
// KEY_EXPIRY_WARNING_DAYS (Bybit's expiredAt) opens one key_expiring alert however often it is
// polled, and the console reads the expiry for its countdown.

const CONNECTIONS = `query($e: ID) { connections(employeeId: $e) { id status scopeVerdict keyExpiresAt } }`;
const ALERTS = `query($kinds: [String!]) { alerts(first: 50, filter: { kind: $kinds }) { nodes { id kind status subject { id } } } }`;

type Connected = { connectExchange: { connection: { id: string; status: string; scopeVerdict: string } } };
type Alerts = { alerts: { nodes: { id: string; kind: string; status: string; subject: { id: string } }[] } };

describe('alerts raised by holdings', () => {
  let binance: ExchangeDouble;
  let bybit: ExchangeDouble;
  let app: TestApp;
  let sql: pg.Client;
  let compliance: string;
  let employee: TestEmployee;

  const count = async (table: string, where: string, params: unknown[]) =>
    Number((await sql.query<{ count: string }>(`SELECT count(*) FROM ${table} WHERE ${where}`, params)).rows[0]!.count);
  const okPolls = (id: string) => count('poll_runs', "connection_id = $1 AND outcome = 'ok'", [id]);
  const allPolls = (id: string) => count('poll_runs', 'connection_id = $1', [id]);
  const alertsOf = (kind: string, id: string) => count('alerts', 'kind = $1 AND subject_id = $2', [kind, id]);
  const connect = async (input: Record<string, unknown>) => {
    const res = await app.gql<Connected>(CONNECT, { input }, employee.token);
    if (!res.data) throw new Error(`connectExchange failed: ${JSON.stringify(res.errors)}`);
    return res.data.connectExchange.connection;
  };

  beforeAll(async () => {
    binance = await startExchangeDouble('binance');
    bybit = await startExchangeDouble('bybit');
    app = await startTestApp({
      EXCHANGE_API_BASE_BINANCE: binance.url,
      EXCHANGE_API_BASE_BYBIT: bybit.url,
      KEY_EXPIRY_WARNING_DAYS: '14',
      POLL_INTERVAL_SECONDS: '1',
      POLL_JITTER_SECONDS: '0',
      POLL_SCHEDULE_EVERY_SECONDS: '0.1',
    });
    sql = new pg.Client({ connectionString: app.db.adminUrl });
    await sql.connect();
    const org = await createTestOrg(app, 'Alerting Assets');
    const admin = (await adminWithMfa(app, org)).token;
    compliance = await login(app, await createUserWithRole(app, admin, org.roles.Compliance.id, 'compliance'));
    employee = await onboardedEmployee(app, admin, 'Una Verified');
  }, 120_000);
  afterAll(async () => {
    await sql?.end();
    await app?.stop();
    await binance?.close();
    await bybit?.close();
  });

  it('should store a key whose scope cannot be proved as scope_unverified, with exactly one alert across polls', async () => {
    const credentials = sampleCredentials('binance', 'testnet');
    binance.addKey(sampleKey('binance', credentials, 'read_only'));
    const connection = await connect({ venue: 'binance', apiKey: credentials.apiKey, secret: credentials.secret, sandbox: true });
    expect(connection).toMatchObject({ status: 'scope_unverified', scopeVerdict: 'unverifiable' });
    // The testnet was never asked for permissions it cannot answer.
    expect(binance.requests.filter((r) => r.path.includes('apiRestrictions') && r.apiKeyHeader === credentials.apiKey)).toEqual(
      [],
    );
    expect(await alertsOf('scope_unverified', connection.id)).toBe(1);
    // Polled like any other key, successfully (the testnet's missing deposit and withdrawal history
    // reads as none), and still one alert however many polls later.
    await expect.poll(() => okPolls(connection.id), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
    expect(await allPolls(connection.id)).toBe(await okPolls(connection.id));
    expect(await alertsOf('scope_unverified', connection.id)).toBe(1);
    expect((await sql.query('SELECT status FROM exchange_connections WHERE id = $1', [connection.id])).rows[0].status).toBe(
      'scope_unverified',
    );
    const queue = await app.gql<Alerts>(ALERTS, { kinds: ['scope_unverified'] }, compliance);
    expect(queue.errors).toBeUndefined();
    expect(queue.data!.alerts.nodes.filter((a) => a.subject.id === connection.id)).toEqual([
      expect.objectContaining({ kind: 'scope_unverified', status: 'OPEN' }),
    ]);
  });

  it('should open one key_expiring alert for a key expiring within the warning window, however often it is polled', async () => {
    const expiresAt = new Date(Math.floor((Date.now() + 5 * 86_400_000) / 1000) * 1000);
    const credentials = sampleCredentials('bybit', 'expiring');
    bybit.addKey({ ...sampleKey('bybit', credentials, 'read_only'), expiresAt });
    const connection = await connect({ venue: 'bybit', apiKey: credentials.apiKey, secret: credentials.secret });
    expect(connection.status).toBe('active');
    await expect.poll(() => okPolls(connection.id), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
    expect(await alertsOf('key_expiring', connection.id)).toBe(1);
    const details = (
      await sql.query('SELECT details FROM alerts WHERE kind = $1 AND subject_id = $2', ['key_expiring', connection.id])
    ).rows[0].details as Record<string, unknown>;
    expect(details).toMatchObject({ venue: 'Bybit', expiresAt: expiresAt.toISOString() });
    // The console's countdown: the expiry as the venue said it, to the employee and to compliance.
    for (const [token, e] of [
      [employee.token, null],
      [compliance, employee.id],
    ] as const) {
      const res = await app.gql<{ connections: { id: string; keyExpiresAt: string | null }[] }>(CONNECTIONS, { e }, token);
      expect(res.data!.connections.find((c) => c.id === connection.id)?.keyExpiresAt).toBe(expiresAt.toISOString());
    }
    const before = await okPolls(connection.id);
    await expect.poll(() => okPolls(connection.id), { timeout: 15_000 }).toBeGreaterThanOrEqual(before + 2);
    expect(await alertsOf('key_expiring', connection.id)).toBe(1);
  });

  it('should raise nothing for a key that expires well after the warning window', async () => {
    const expiresAt = new Date(Date.now() + 90 * 86_400_000);
    const credentials = sampleCredentials('bybit', 'later');
    bybit.addKey({ ...sampleKey('bybit', credentials, 'read_only'), expiresAt });
    const connection = await connect({ venue: 'bybit', apiKey: credentials.apiKey, secret: credentials.secret });
    await expect.poll(() => okPolls(connection.id), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    expect(await alertsOf('key_expiring', connection.id)).toBe(0);
    const res = await app.gql<{ connections: { id: string; keyExpiresAt: string | null }[] }>(CONNECTIONS, {}, employee.token);
    expect(Date.parse(res.data!.connections.find((c) => c.id === connection.id)!.keyExpiresAt!)).toBeGreaterThan(
      Date.now() + 80 * 86_400_000,
    );
  });
});
