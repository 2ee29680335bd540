import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Wallet as EthersWallet } from 'ethers';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onboardedEmployee, type TestEmployee } from '../../helpers/holdings-kit';
import {
  adminWithMfa,
  codeOf,
  createTestOrg,
  createUserWithRole,
  login,
  startTestApp,
  type TestApp,
} from '../../helpers/test-app';

// Issue 10: a wallet's poll history, read like a connection's (connections:read; an employee its
// own wallets only). The chain's RPC node here answers every call with a server error, so each
// poll is recorded as failed: the history is what shows the gap.

const ADD = `mutation($input: AddWalletInput!) { addWallet(input: $input) { id } }`;
const RUNS = `query($w: ID!, $first: Int) { walletPollRuns(walletId: $w, first: $first) { id outcome durationMs error startedAt counts } }`;

type Runs = { walletPollRuns: { id: string; outcome: string; error: string | null; startedAt: string }[] };

describe('wallet poll runs', () => {
  let node: Server;
  let app: TestApp;
  let sql: pg.Client;
  let compliance: string;
  let employee: TestEmployee;
  let colleague: TestEmployee;
  let outsiderCompliance: string;
  let walletId: string;

  beforeAll(async () => {
    // An RPC endpoint that is up but broken: every JSON-RPC call gets a 500.
    node = createServer((_req, res) => res.writeHead(500).end('down for maintenance'));
    await new Promise<void>((resolve) => node.listen(0, '127.0.0.1', resolve));
    const rpc = `http://127.0.0.1:${(node.address() as AddressInfo).port}`;
    app = await startTestApp({
      CHAINS: JSON.stringify([{ name: 'broken', chainId: 31337, rpcUrls: [rpc], confirmations: 0, tokens: [] }]),
      POLL_INTERVAL_SECONDS: '1',
      POLL_JITTER_SECONDS: '0',
      POLL_SCHEDULE_EVERY_SECONDS: '0.1',
    });
    sql = new pg.Client({ connectionString: app.db.adminUrl });
    await sql.connect();
    const org = await createTestOrg(app, 'Run Readers');
    const admin = (await adminWithMfa(app, org)).token;
    compliance = await login(app, await createUserWithRole(app, admin, org.roles.Compliance.id, 'compliance'));
    employee = await onboardedEmployee(app, admin, 'Walt Wallet');
    colleague = await onboardedEmployee(app, admin, 'Cora Colleague');
    const other = await createTestOrg(app, 'Other House');
    const otherAdmin = (await adminWithMfa(app, other)).token;
    outsiderCompliance = await login(app, await createUserWithRole(app, otherAdmin, other.roles.Compliance.id, 'compliance'));
    const added = await app.gql<{ addWallet: { id: string } }>(
      ADD,
      { input: { chainId: 31337, address: EthersWallet.createRandom().address } },
      employee.token,
    );
    if (!added.data) throw new Error(`addWallet failed: ${JSON.stringify(added.errors)}`);
    walletId = added.data.addWallet.id;
  }, 120_000);
  afterAll(async () => {
    await sql?.end();
    await app?.stop();
    await new Promise((r) => node?.close(r));
  });

  it('should list a wallet’s polls newest first to its employee and to Compliance, failures with their error', async () => {
    await expect
      .poll(
        async () =>
          Number((await sql.query('SELECT count(*) FROM wallet_poll_runs WHERE wallet_id = $1', [walletId])).rows[0].count),
        { timeout: 20_000 },
      )
      .toBeGreaterThanOrEqual(3);
    const own = await app.gql<Runs>(RUNS, { w: walletId, first: 2 }, employee.token);
    expect(own.errors).toBeUndefined();
    expect(own.data!.walletPollRuns).toHaveLength(2);
    const [newest, older] = own.data!.walletPollRuns;
    expect(Date.parse(newest!.startedAt)).toBeGreaterThanOrEqual(Date.parse(older!.startedAt));
    expect(newest).toMatchObject({ outcome: 'error' });
    expect(newest!.error).toBeTruthy();
    // No RPC URL in what a reader sees (a provider's URL carries its API key).
    expect(JSON.stringify(own.data)).not.toMatch(/127\.0\.0\.1/);
    const viaCompliance = await app.gql<Runs>(RUNS, { w: walletId }, compliance);
    expect(viaCompliance.data!.walletPollRuns.length).toBeGreaterThanOrEqual(3);
    const { rows } = await sql.query(
      'SELECT id::text FROM wallet_poll_runs WHERE wallet_id = $1 ORDER BY started_at DESC, id DESC LIMIT 1',
      [walletId],
    );
    expect(viaCompliance.data!.walletPollRuns[0]!.id).toBe(rows[0].id);
  });

  it('should answer NOT_FOUND for another employee’s wallet or another org’s, and BAD_USER_INPUT for bad arguments', async () => {
    for (const token of [colleague.token, outsiderCompliance]) {
      const res = await app.gql(RUNS, { w: walletId }, token);
      expect(codeOf(res)).toBe('NOT_FOUND');
      expect(res.data).toBeNull();
    }
    expect(codeOf(await app.gql(RUNS, { w: '00000000-0000-4000-8000-000000000000' }, compliance))).toBe('NOT_FOUND');
    for (const w of ['not-a-uuid', `${walletId}\u0000`, 'x'.repeat(5000)]) {
      expect(codeOf(await app.gql(RUNS, { w }, compliance))).toBe('BAD_USER_INPUT');
    }
    for (const first of [0, -1, 201])
      expect(codeOf(await app.gql(RUNS, { w: walletId, first }, compliance))).toBe('BAD_USER_INPUT');
    expect(codeOf(await app.gql(RUNS, { w: walletId }))).toBe('UNAUTHENTICATED');
  });
});
