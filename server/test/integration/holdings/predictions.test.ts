import { Wallet as EthersWallet } from 'ethers';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopePreamble } from '@/lib/db/db-scope';
import { sqlState } from '@/lib/db/pg-errors';
import { startHardhatNode, type HardhatNode } from '../../doubles/hardhat/hardhat-node';
import { startPolymarketDouble, type PolymarketDouble } from '../../doubles/polymarket/polymarket-double';
import { conditionId, ELECTION, HOSTILE_ANSWERS, RATES } from '../../doubles/polymarket/sample-positions';
import { onboardedEmployee, EMPLOYEE_PASSWORD, type TestEmployee } from '../../helpers/holdings-kit';
import { ADD, EMPLOYEE_PREDICTIONS, WALLET_PREDICTIONS, type WalletPredictions } from '../../helpers/predictions-kit';
import { waitFor } from '../../helpers/wait-for';
import {
  adminWithMfa,
  codeOf,
  createTestOrg,
  sessionWithRole,
  login,
  startTestApp,
  type TestApp,
  type TestOrg,
} from '../../helpers/test-app';

// Issue 10, item 6 end to end: every polled wallet also reads its prediction-market positions from Polymarket's
// Data API (a real HTTP double on loopback), stores a snapshot only when they change, exactly, sends the venue the
// address and nothing else (H17), keeps the last snapshot when the venue fails or answers nonsense, shows them per role.

describe('prediction-market positions of polled wallets', () => {
  let node: HardhatNode;
  let venue: PolymarketDouble;
  let app: TestApp;
  let sql: pg.Client;
  let org: TestOrg;
  // Sessions: the org's Admin, Compliance, Viewer and HR (no permissions), and another org's Compliance.
  let admin: string, compliance: string, viewer: string, hr: string, otherCompliance: string;
  let employee: TestEmployee;
  let colleague: TestEmployee;
  const address = EthersWallet.createRandom().address;
  const colleagueAddress = EthersWallet.createRandom().address;
  let walletId: string;
  let colleagueWalletId: string;

  const count = async (table: string, where = 'true', params: unknown[] = []) =>
    Number((await sql.query<{ count: string }>(`SELECT count(*) FROM ${table} WHERE ${where}`, params)).rows[0]!.count);
  const predictionRuns = (id: string, outcome: 'ok' | 'error') =>
    count('wallet_poll_runs', 'wallet_id = $1 AND predictions_outcome = $2', [id, outcome]);
  const walletPredictions = async (token: string, id = walletId) =>
    (await app.gql<{ walletPredictions: WalletPredictions }>(WALLET_PREDICTIONS, { w: id }, token)).data?.walletPredictions;
  /** Waits for `n` more poll runs of the wallet whose prediction read ended with `outcome`. */
  const morePredictionRuns = async (id: string, outcome: 'ok' | 'error', n = 1) => {
    const before = await predictionRuns(id, outcome);
    await waitFor(`${n} more ${outcome} prediction reads`, async () =>
      (await predictionRuns(id, outcome)) >= before + n ? true : undefined,
    );
  };
  const snapshotState = async () => ({
    snapshots: await count('prediction_snapshots', 'wallet_id = $1', [walletId]),
    positions: await count('prediction_positions', 'wallet_id = $1', [walletId]),
  });

  beforeAll(async () => {
    node = await startHardhatNode();
    venue = await startPolymarketDouble();
    venue.answer(address, { kind: 'positions', positions: [ELECTION, RATES] });
    app = await startTestApp({
      CHAINS: JSON.stringify([{ name: 'hardhat', chainId: 31337, rpcUrls: [node.url], confirmations: 0, tokens: [] }]),
      POLL_INTERVAL_SECONDS: '0.5',
      POLL_JITTER_SECONDS: '0',
      POLL_SCHEDULE_EVERY_SECONDS: '0.1',
      POLYMARKET_API_BASE: venue.url,
    });
    sql = new pg.Client({ connectionString: app.db.adminUrl });
    await sql.connect();
    org = await createTestOrg(app, 'Prediction Watchers');
    admin = (await adminWithMfa(app, org)).token;
    compliance = await sessionWithRole(app, admin, org.roles.Compliance.id, 'compliance');
    viewer = await sessionWithRole(app, admin, org.roles.Viewer.id, 'viewer');
    const hrRole = await app.gql<{ createRole: { id: string } }>(
      'mutation($input: CreateRoleInput!) { createRole(input: $input, justification: "HR needs an account, no data") { id } }',
      { input: { name: 'HR', permissions: [] } },
      admin,
    );
    hr = await sessionWithRole(app, admin, hrRole.data!.createRole.id, 'hr');
    employee = await onboardedEmployee(app, admin, 'Grace Forecaster');
    colleague = await onboardedEmployee(app, admin, 'Henry Colleague');
    const other = await createTestOrg(app, 'Other Desk');
    const otherAdmin = (await adminWithMfa(app, other)).token;
    otherCompliance = await sessionWithRole(app, otherAdmin, other.roles.Compliance.id, 'compliance');

    const added = await app.gql<{ addWallet: { id: string } }>(ADD, { input: { chainId: 31337, address } }, employee.token);
    walletId = added.data!.addWallet.id;
    // 501 positions: two pages of the venue's 500.
    const many = Array.from({ length: 501 }, (_, i) => ({
      ...RATES,
      conditionId: conditionId(1000 + i),
      asset: String(1000 + i),
      size: `${i + 1}.25`,
    }));
    venue.answer(colleagueAddress, { kind: 'positions', positions: many });
    const theirs = await app.gql<{ addWallet: { id: string } }>(
      ADD,
      { input: { chainId: 31337, address: colleagueAddress } },
      colleague.token,
    );
    colleagueWalletId = theirs.data!.addWallet.id;
  }, 120_000);
  afterAll(async () => {
    await sql?.end();
    await app?.stop();
    await venue?.stop();
    await node?.stop();
  });

  it('should store the wallet’s positions as a snapshot with exact values and show them to Compliance', async () => {
    const read = await waitFor('the first prediction read', async () => {
      const p = await walletPredictions(compliance);
      return p && p.positions.length > 0 ? p : undefined;
    });
    expect(read).toMatchObject({
      walletId,
      employeeId: employee.id,
      address,
      venue: 'polymarket',
      lastError: null,
      failingSince: null,
    });
    expect(read.asOf).not.toBeNull();
    expect(read.lastSuccessAt).not.toBeNull();
    // Largest current value first.
    expect(read.positions).toEqual([
      {
        conditionId: ELECTION.conditionId,
        asset: ELECTION.asset,
        market: ELECTION.title,
        outcome: 'Yes',
        size: '1234.567890123456789012',
        avgPrice: '0.4537',
        currentValue: '561.7283400061728390123',
        curPrice: '0.455',
      },
      {
        conditionId: RATES.conditionId,
        asset: '12',
        market: RATES.title,
        outcome: 'No',
        size: '10',
        avgPrice: '0.9',
        currentValue: '9.5',
        curPrice: '0.95',
      },
    ]);
    const { rows } = await sql.query<{ size: string; employee_id: string }>(
      'SELECT size::text, employee_id FROM prediction_positions WHERE wallet_id = $1 AND asset = $2',
      [walletId, ELECTION.asset],
    );
    expect(rows).toEqual([{ size: '1234.567890123456789012', employee_id: employee.id }]);
    // The chain ingest of the same polls went on as before, each poll's run recording both outcomes.
    await waitFor('a poll run with both outcomes', async () =>
      (await count('wallet_poll_runs', `wallet_id = $1 AND outcome = 'ok' AND predictions_outcome = 'ok'`, [walletId])) > 0
        ? true
        : undefined,
    );
  });

  it('should write no new snapshot while the positions stay the same, and one when they change', async () => {
    const before = await snapshotState();
    expect(before.snapshots).toBe(1);
    await morePredictionRuns(walletId, 'ok', 3);
    expect(await snapshotState()).toEqual(before);

    venue.answer(address, { kind: 'positions', positions: [{ ...ELECTION, size: '1300', currentValue: '591.5' }, RATES] });
    const changed = await waitFor('the changed positions', async () => {
      const p = await walletPredictions(compliance);
      return p?.positions[0]?.size === '1300' ? p : undefined;
    });
    expect(changed.positions[0]).toMatchObject({ size: '1300', currentValue: '591.5', avgPrice: '0.4537' });
    expect(await snapshotState()).toEqual({ snapshots: 2, positions: 4 });
  });

  it('should read every page of a wallet with more positions than one page holds', async () => {
    const read = await waitFor('the colleague’s positions', async () => {
      const p = await walletPredictions(compliance, colleagueWalletId);
      return p && p.positions.length > 0 ? p : undefined;
    });
    expect(read.positions).toHaveLength(501);
    const offsets = venue.requests
      .filter((r) => r.url.includes(colleagueAddress))
      .map((r) => new URL(r.url, 'http://x').searchParams.get('offset'));
    expect(new Set(offsets)).toEqual(new Set(['0', '500']));
  });

  it('should send the venue the address and nothing about the person: no name, email, id, cookie or credential (H17)', async () => {
    expect(venue.requests.length).toBeGreaterThan(0);
    const ids = (
      await sql.query<{
        v: string;
      }>(`SELECT id::text AS v FROM employees UNION SELECT user_id::text FROM employees WHERE user_id IS NOT NULL
        UNION SELECT id::text FROM organizations UNION SELECT id::text FROM wallets UNION SELECT id::text FROM users`)
    ).rows.map((r) => r.v);
    const forbidden = [
      employee.name,
      employee.email,
      colleague.name,
      colleague.email,
      'Forecaster',
      'Prediction Watchers',
      ...ids,
    ];
    for (const r of venue.requests) {
      expect(r.method).toBe('GET');
      const url = new URL(r.url, 'http://x');
      expect(url.pathname).toBe('/positions');
      expect([...url.searchParams.keys()].sort()).toEqual(['limit', 'offset', 'sizeThreshold', 'user']);
      expect([address, colleagueAddress]).toContain(url.searchParams.get('user'));
      expect(r.body).toBe('');
      expect(r.headers.cookie).toBeUndefined();
      expect(r.headers.authorization).toBeUndefined();
      expect(Object.keys(r.headers).filter((h) => /^x-|auth|cookie|token|key/i.test(h))).toEqual([]);
      const everything = `${r.url} ${JSON.stringify(r.headers)}`.toLowerCase();
      for (const f of forbidden) expect(everything).not.toContain(f.toLowerCase());
      expect(everything).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    }
  });

  it('should keep the last snapshot and record each failure when the venue fails or answers nonsense', async () => {
    const good = await walletPredictions(compliance);
    const before = await snapshotState();
    let failingSince: string | null = null;
    let lastSuccessAt: string | null = null;
    for (const { answer, error } of HOSTILE_ANSWERS) {
      venue.answer(address, answer);
      await morePredictionRuns(walletId, 'error', 2);
      const [run] = (
        await sql.query<{ outcome: string; predictions_error: string }>(
          `SELECT outcome, predictions_error FROM wallet_poll_runs WHERE wallet_id = $1 AND predictions_outcome = 'error'
            ORDER BY id DESC LIMIT 1`,
          [walletId],
        )
      ).rows;
      expect(run!.predictions_error, answer.kind).toMatch(error);
      expect(run!.predictions_error).not.toContain(venue.url);
      // The chain ingest of the same poll is not the venue's failure.
      expect(run!.outcome).toBe('ok');
      expect(await snapshotState()).toEqual(before);
      const shown = await walletPredictions(compliance);
      expect(shown!.positions).toEqual(good!.positions);
      expect(shown!.asOf).toBe(good!.asOf);
      // The last success stays what it was when the failures began (a read in flight as the
      // venue turned may still have succeeded).
      lastSuccessAt ??= shown!.lastSuccessAt;
      expect(Date.parse(lastSuccessAt!)).toBeGreaterThanOrEqual(Date.parse(good!.lastSuccessAt!));
      expect(shown!.lastSuccessAt).toBe(lastSuccessAt);
      expect(shown!.lastError).toMatch(error);
      // Failing since the first failure of the run of failures.
      failingSince ??= shown!.failingSince;
      expect(failingSince).not.toBeNull();
      expect(shown!.failingSince).toBe(failingSince);
    }

    venue.answer(address, { kind: 'positions', positions: [{ ...ELECTION, size: '1300', currentValue: '591.5' }, RATES] });
    const recovered = await waitFor('recovery', async () => {
      const p = await walletPredictions(compliance);
      return p?.failingSince === null ? p : undefined;
    });
    expect(recovered.lastError).toBeNull();
    expect(recovered.positions).toEqual(good!.positions);
    expect(await snapshotState()).toEqual(before);
  }, 120_000);

  it('should show positions to Admin and Compliance, and refuse Viewer, HR and the Employee role with FORBIDDEN (anonymous: UNAUTHENTICATED)', async () => {
    for (const token of [admin, compliance]) {
      expect((await walletPredictions(token))!.positions.length).toBe(2);
      const all = await app.gql<{ employeePredictions: { walletId: string; positions: unknown[] }[] }>(
        EMPLOYEE_PREDICTIONS,
        { e: employee.id },
        token,
      );
      expect(all.data!.employeePredictions.map((w) => [w.walletId, w.positions.length])).toEqual([[walletId, 2]]);
    }
    expect(codeOf(await app.gql(WALLET_PREDICTIONS, { w: walletId }))).toBe('UNAUTHENTICATED');
    // Viewer: no predictions (DESIGN.md); HR: nothing; the Employee role holds connections:* only.
    for (const token of [viewer, hr, employee.token]) {
      const one = await app.gql(WALLET_PREDICTIONS, { w: walletId }, token);
      expect(codeOf(one)).toBe('FORBIDDEN');
      expect(one.data).toBeNull();
      const all = await app.gql(EMPLOYEE_PREDICTIONS, { e: employee.id }, token);
      expect(codeOf(all)).toBe('FORBIDDEN');
      expect(all.data).toBeNull();
    }
  });

  it('should show another organization nothing: its wallet and employee are NOT_FOUND', async () => {
    for (const [doc, vars] of [
      [WALLET_PREDICTIONS, { w: walletId }],
      [EMPLOYEE_PREDICTIONS, { e: employee.id }],
    ] as const) {
      const res = await app.gql(doc, vars, otherCompliance);
      expect(codeOf(res)).toBe('NOT_FOUND');
      expect(res.data).toBeNull();
    }
  });

  it('should refuse a malformed id with BAD_USER_INPUT', async () => {
    for (const id of ['not-a-uuid', `${walletId}\u0000`, 'x'.repeat(10_000), "' OR 1=1 --"]) {
      expect(codeOf(await app.gql(WALLET_PREDICTIONS, { w: id }, compliance))).toBe('BAD_USER_INPUT');
      expect(codeOf(await app.gql(EMPLOYEE_PREDICTIONS, { e: id }, compliance))).toBe('BAD_USER_INPUT');
    }
  });

  it('should write an audit entry for each read, naming the wallet', async () => {
    await walletPredictions(compliance);
    await waitFor('the audit entry', async () => {
      const { rows } = await sql.query<{ n: string }>(
        `SELECT count(*) AS n FROM audit_log WHERE action = 'query.walletPredictions' AND resource_type = 'prediction'
            AND outcome = 'allowed' AND details->>'walletId' = $1`,
        [walletId],
      );
      return Number(rows[0]!.n) > 0 ? true : undefined;
    });
    const { rows } = await sql.query<{ n: string }>(
      `SELECT count(*) AS n FROM audit_log WHERE action = 'query.walletPredictions' AND outcome = 'denied'`,
    );
    expect(Number(rows[0]!.n)).toBeGreaterThan(0);
  });

  it('should show an employee whose role reads predictions its own wallets only', async () => {
    const role = await app.gql<{ createRole: { id: string } }>(
      'mutation($input: CreateRoleInput!) { createRole(input: $input, justification: "traders see their own forecasts") { id } }',
      { input: { name: 'Forecasting trader', permissions: ['connections:read', 'predictions:read'] } },
      admin,
    );
    expect(role.errors).toBeUndefined();
    const { rows } = await sql.query<{ user_id: string }>('SELECT user_id FROM employees WHERE id = $1', [employee.id]);
    const assigned = await app.gql(
      'mutation($u: ID!, $r: ID!) { assignRole(userId: $u, roleId: $r, justification: "self view of forecasts") { id } }',
      { u: rows[0]!.user_id, r: role.data!.createRole.id },
      admin,
    );
    expect(assigned.errors).toBeUndefined();
    const token = await login(app, { organization: employee.organization, email: employee.email }, EMPLOYEE_PASSWORD);

    expect((await walletPredictions(token))!.positions.length).toBe(2);
    const own = await app.gql<{ employeePredictions: { walletId: string }[] }>(EMPLOYEE_PREDICTIONS, { e: employee.id }, token);
    expect(own.data!.employeePredictions.map((w) => w.walletId)).toEqual([walletId]);
    for (const [doc, vars] of [
      [WALLET_PREDICTIONS, { w: colleagueWalletId }],
      [EMPLOYEE_PREDICTIONS, { e: colleague.id }],
    ] as const) {
      const res = await app.gql(doc, vars, token);
      expect(codeOf(res)).toBe('NOT_FOUND');
      expect(res.data).toBeNull();
    }
  });

  it('should let RLS show another employee’s positions to no one bound to a different employee, and let no session write', async () => {
    const request = new pg.Client({ connectionString: app.db.requestUrl });
    await request.connect();
    const asUser = async (userId: string, permissions: string[], statement: string, params: unknown[] = []) => {
      await request.query('BEGIN');
      try {
        await request.query(
          scopePreamble({ role: 'vigil_user', actorType: 'user', orgId: org.orgId, actorId: userId, roleId: null, permissions }),
        );
        return (await request.query(statement, params)).rows;
      } finally {
        await request.query('ROLLBACK');
      }
    };
    try {
      const userOf = async (e: TestEmployee) =>
        (await sql.query<{ user_id: string }>('SELECT user_id FROM employees WHERE id = $1', [e.id])).rows[0]!.user_id;
      const own = ['predictions:read'];
      for (const table of ['prediction_snapshots', 'prediction_positions', 'wallet_prediction_feeds']) {
        const q = `SELECT 1 FROM ${table} WHERE wallet_id = $1`;
        // The owner sees its rows (so the refusals below are RLS, not an empty table) ...
        expect((await asUser(await userOf(employee), own, q, [walletId])).length, table).toBeGreaterThan(0);
        // ... a colleague with the same permission, bound to another employee, sees none of them,
        expect(await asUser(await userOf(colleague), own, q, [walletId]), table).toEqual([]);
        // and without predictions:read even employees:read sees nothing.
        expect(await asUser(org.adminId, ['employees:read', 'connections:read'], q, [walletId]), table).toEqual([]);
      }
      for (const statement of [
        `INSERT INTO prediction_snapshots (org_id, wallet_id, employee_id, venue, as_of, position_count) VALUES ($1, $2, $3, 'polymarket', now(), 0)`,
        `UPDATE wallet_prediction_feeds SET last_error = 'x' WHERE org_id = $1 AND wallet_id = $2 AND employee_id = $3`,
        `DELETE FROM prediction_positions WHERE org_id = $1 AND wallet_id = $2 AND employee_id = $3`,
      ]) {
        const refused = await asUser(await userOf(employee), [...own, 'employees:read'], statement, [
          org.orgId,
          walletId,
          employee.id,
        ]).then(
          () => null,
          (err: unknown) => sqlState(err),
        );
        expect(refused, statement).toBe('42501');
      }
    } finally {
      await request.end();
    }
  });
});
