import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startExchangeDouble, type ExchangeDouble } from '../../doubles/exchanges/exchange-double';
import { CONNECT, freshKey, onboardedEmployee, type TestEmployee } from '../../helpers/holdings-kit';
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
import { waitFor } from '../../helpers/wait-for';

// Deposits to and withdrawals from an employee's exchange accounts (issue 10, item 11: "transactions
// with filters and server-side paging"): polled from a Binance double through the real ccxt
// adapter, read back by `employeeTransfers` under the shield, the service's access check and RLS.
const TRANSFERS = `query($e: ID!, $first: Int!, $after: String, $kind: String, $asset: String, $from: DateTimeISO, $to: DateTimeISO) {
  employeeTransfers(employeeId: $e, first: $first, after: $after, kind: $kind, asset: $asset, from: $from, to: $to) {
    nodes { id connectionId venue kind venueTransferId txid asset amount feeAsset feeAmount network address status happenedAt }
    pageInfo { hasNextPage endCursor } } }`;

type Transfer = {
  id: string;
  connectionId: string;
  venue: string;
  kind: string;
  venueTransferId: string;
  txid: string | null;
  asset: string;
  amount: string;
  feeAsset: string | null;
  feeAmount: string | null;
  network: string | null;
  address: string | null;
  status: string;
  happenedAt: string;
};
type Page = { employeeTransfers: { nodes: Transfer[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

// Whole seconds: Binance reports a withdrawal's time to the second.
const HOUR_AGO = Math.floor((Date.now() - 3_600_000) / 1000) * 1000;
const at = (minutes: number) => HOUR_AGO + minutes * 60_000;

describe('deposits and withdrawals, polled and read', () => {
  let double: ExchangeDouble;
  let app: TestApp;
  let sql: pg.Client;
  let org: TestOrg;
  let other: TestOrg;
  let admin: string;
  let compliance: string;
  let viewer: string;
  let otherAdmin: string;
  let grace: TestEmployee;
  let alan: TestEmployee;
  let connectionId: string;

  const read = (vars: Record<string, unknown>, token = compliance) =>
    app.gql<Page>(TRANSFERS, { e: grace.id, first: 50, ...vars }, token);
  const count = async (table: string) => Number((await sql.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);

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
    org = await createTestOrg(app, 'Acme Trading');
    other = await createTestOrg(app, 'Globex');
    admin = (await adminWithMfa(app, org)).token;
    otherAdmin = (await adminWithMfa(app, other)).token;
    compliance = await login(app, await createUserWithRole(app, admin, org.roles.Compliance.id, 'compliance'));
    viewer = await login(app, await createUserWithRole(app, admin, org.roles.Viewer.id, 'viewer'));
    grace = await onboardedEmployee(app, admin, 'Grace Trader');
    alan = await onboardedEmployee(app, admin, 'Alan Trader');

    const transfer = (id: string, asset: string, amount: string, minutes: number, fee = '0') => ({
      id,
      txid: `0x${id.padStart(64, '0')}`,
      asset,
      amount,
      fee,
      address: `0x${'ab'.repeat(19)}${id.slice(-2).padStart(2, '0')}`,
      network: asset === 'BTC' ? 'BTC' : 'ETH',
      timestamp: at(minutes),
    });
    const graceKey = freshKey();
    double.addKey({
      ...graceKey,
      permissions: 'read_only',
      balances: { BTC: '0.5', ETH: '3', USDT: '100' },
      trades: [],
      deposits: [transfer('7001', 'ETH', '5', 0), transfer('7002', 'BTC', '0.75', 10)],
      withdrawals: [transfer('8001', 'ETH', '2', 20, '0.001'), transfer('8002', 'BTC', '0.25', 30, '0.0002')],
    });
    const alanKey = freshKey();
    double.addKey({
      ...alanKey,
      permissions: 'read_only',
      balances: { ETH: '1' },
      trades: [],
      deposits: [transfer('9001', 'ETH', '1', 5)],
      withdrawals: [],
    });
    const connected = await app.gql<{ connectExchange: { connection: { id: string } } }>(
      CONNECT,
      { input: { venue: 'binance', ...graceKey } },
      grace.token,
    );
    connectionId = connected.data!.connectExchange.connection.id;
    await app.gql(CONNECT, { input: { venue: 'binance', ...alanKey } }, alan.token);
    await waitFor('both connections polled, their five transfers stored', async () =>
      (await count('exchange_transfers')) === 5 ? true : undefined,
    );
  });
  afterAll(async () => {
    await sql?.end();
    await app?.stop();
    await double?.close();
  });

  it("should show Compliance an employee's deposits and withdrawals, newest first, as the venue reported them", async () => {
    const res = await read({});
    expect(res.errors).toBeUndefined();
    const nodes = res.data!.employeeTransfers.nodes;
    expect(nodes.map((t) => [t.kind, t.venueTransferId, t.asset, t.amount])).toEqual([
      ['withdrawal', '8002', 'BTC', '0.25'],
      ['withdrawal', '8001', 'ETH', '2'],
      ['deposit', '7002', 'BTC', '0.75'],
      ['deposit', '7001', 'ETH', '5'],
    ]);
    expect(nodes[1]).toMatchObject({
      connectionId,
      venue: 'binance',
      txid: `0x${'8001'.padStart(64, '0')}`,
      feeAsset: 'ETH',
      feeAmount: '0.001',
      network: 'ETH',
      address: `0x${'ab'.repeat(19)}01`,
      status: 'ok',
      happenedAt: new Date(at(20)).toISOString(),
    });
    expect(res.data!.employeeTransfers.pageInfo.hasNextPage).toBe(false);
  });

  it('should filter by kind, by asset (any case) and by time, on the server', async () => {
    const ids = async (vars: Record<string, unknown>) =>
      (await read(vars)).data!.employeeTransfers.nodes.map((t) => t.venueTransferId);
    expect(await ids({ kind: 'withdrawal' })).toEqual(['8002', '8001']);
    expect(await ids({ asset: 'eth' })).toEqual(['8001', '7001']);
    expect(await ids({ kind: 'deposit', asset: 'BTC' })).toEqual(['7002']);
    // From inclusive, to exclusive.
    expect(await ids({ from: new Date(at(10)).toISOString(), to: new Date(at(30)).toISOString() })).toEqual(['8001', '7002']);
    expect(await ids({ asset: 'DOGE' })).toEqual([]);
  });

  it('should page on the server with a cursor, and refuse a forged one', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const res: Awaited<ReturnType<typeof read>> = await read({ first: 3, after });
      const { nodes, pageInfo } = res.data!.employeeTransfers;
      seen.push(...nodes.map((t) => t.venueTransferId));
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(seen).toEqual(['8002', '8001', '7002', '7001']);
    const forged = await read({ after: Buffer.from('["not a time",1]').toString('base64url') });
    expect(codeOf(forged)).toBe('BAD_USER_INPUT');
    expect(forged.data).toBeNull();
  });

  it('should answer bad input with BAD_USER_INPUT, and keep every transfer as it was', async () => {
    const before = (await sql.query('SELECT * FROM exchange_transfers ORDER BY id')).rows;
    const bad: Record<string, unknown>[] = [
      { kind: 'gift' },
      { kind: 'deposit\u0000' },
      { asset: 'E'.repeat(33) },
      { asset: 'ETH\u0000' },
      { asset: '   ' },
      { first: 0 },
      { first: 10_000 },
      { after: 'x'.repeat(5000) },
      { e: 'not-a-uuid' },
      { e: `${grace.id}\u0000` },
    ];
    for (const vars of bad) {
      const res = await read(vars);
      expect([JSON.stringify(vars).slice(0, 60), codeOf(res)]).toEqual([JSON.stringify(vars).slice(0, 60), 'BAD_USER_INPUT']);
      expect(res.data).toBeNull();
    }
    const notATime = await app.gql(TRANSFERS, { e: grace.id, first: 5, from: 'yesterday' }, compliance);
    expect(codeOf(notATime)).toBe('BAD_USER_INPUT');
    expect((await sql.query('SELECT * FROM exchange_transfers ORDER BY id')).rows).toEqual(before);
  });

  it('should show a Viewer no transfers, another organization not the employee, and audit each read', async () => {
    const lastId = Number((await sql.query('SELECT coalesce(max(id), 0) AS n FROM audit_log')).rows[0].n);
    const asViewer = await read({}, viewer);
    expect(codeOf(asViewer)).toBe('FORBIDDEN');
    expect(asViewer.data).toBeNull();
    const asOtherOrg = await read({}, otherAdmin);
    expect(codeOf(asOtherOrg)).toBe('NOT_FOUND');
    expect(asOtherOrg.data).toBeNull();
    // The employee itself holds no transactions:read (DESIGN.md's Employee role).
    expect(codeOf(await read({}, grace.token))).toBe('FORBIDDEN');
    expect((await read({ kind: 'deposit' })).errors).toBeUndefined();
    const entries = await waitFor('the four reads audited', async () => {
      const { rows } = await sql.query(
        `SELECT outcome, org_id = $2 AS own_org, details->>'employeeId' AS employee, details->>'kind' AS kind FROM audit_log
          WHERE action = 'query.employeeTransfers' AND id > $1 ORDER BY id`,
        [lastId, org.orgId],
      );
      return rows.length >= 4 ? rows : undefined;
    });
    expect(entries).toEqual([
      { outcome: 'denied', own_org: true, employee: null, kind: null },
      { outcome: 'denied', own_org: false, employee: grace.id, kind: null },
      { outcome: 'denied', own_org: true, employee: null, kind: null },
      { outcome: 'allowed', own_org: true, employee: grace.id, kind: 'deposit' },
    ]);
  });

  it("should let RLS show transfers only to their org, with transactions:read, and an employee's only to itself", async () => {
    const client = new pg.Client({ connectionString: app.db.appUrl });
    await client.connect();
    try {
      const graceUser = (await sql.query('SELECT user_id FROM employees WHERE id = $1', [grace.id])).rows[0].user_id as string;
      const seen = async (orgId: string, actorId: string, permissions: string) => {
        await client.query('BEGIN; SET LOCAL ROLE vigil_user');
        try {
          await client.query(
            `SELECT set_config('app.org_id', $1, true), set_config('app.actor_id', $2, true), set_config('app.permissions', $3, true)`,
            [orgId, actorId, permissions],
          );
          const { rows } = await client.query('SELECT venue_transfer_id FROM exchange_transfers ORDER BY venue_transfer_id');
          return rows.map((r: { venue_transfer_id: string }) => r.venue_transfer_id);
        } finally {
          await client.query('ROLLBACK');
        }
      };
      const reviewer = 'employees:read,transactions:read';
      expect(await seen(org.orgId, org.adminId, reviewer)).toEqual(['7001', '7002', '8001', '8002', '9001']);
      expect(await seen(other.orgId, other.adminId, reviewer)).toEqual([]);
      expect(await seen(org.orgId, org.adminId, 'employees:read,balances:read,connections:read')).toEqual([]);
      // transactions:read without employees:read: the actor's own employee's rows only.
      expect(await seen(org.orgId, graceUser, 'transactions:read')).toEqual(['7001', '7002', '8001', '8002']);
    } finally {
      await client.end();
    }
  });
});
