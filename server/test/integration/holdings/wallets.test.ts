import { Contract, ContractFactory, JsonRpcProvider, Wallet as EthersWallet, type JsonRpcSigner } from 'ethers';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHardhatNode, type HardhatNode } from '../../doubles/hardhat/hardhat-node';
import { startJsonRpcProxy, type JsonRpcProxy } from '../../doubles/hardhat/json-rpc-proxy';
import { MINIMAL_ERC20_ABI, MINIMAL_ERC20_BYTECODE } from '../../doubles/hardhat/minimal-erc20';
import { onboardedEmployee, type TestEmployee } from '../../helpers/holdings-kit';
import {
  adminWithMfa,
  codeOf,
  createTestOrg,
  sessionWithRole,
  startTestApp,
  type GqlResult,
  type TestApp,
  type TestOrg,
} from '../../helpers/test-app';
import { waitFor } from '../../helpers/wait-for';

// Issue 10, items 5, 8, 9 and 12 end to end: an employee adds its own wallet through GraphQL, the
// scheduler polls it on a real hardhat node through the real ethers reader, and what was read is
// shown per role; a node that goes down marks the wallet failing and keeps the last snapshot.

const ADD = `mutation($input: AddWalletInput!) { addWallet(input: $input) { id address chainId label status employeeId } }`;
const REMOVE = `mutation($id: ID!) { removeWallet(id: $id) { id status } }`;
const WALLETS = `query($e: ID) { wallets(employeeId: $e) { id address status } }`;
const BALANCES = `query($e: ID!) { walletBalances(employeeId: $e) { walletId asset symbol decimals amount blockNumber } }`;
const TRANSFERS = `query($e: ID!, $first: Int, $after: String) {
  walletTransfers(employeeId: $e, first: $first, after: $after) {
    nodes { id walletId txHash logIndex blockNumber direction amount symbol decimals fromAddress toAddress tokenAddress }
    pageInfo { hasNextPage endCursor } } }`;
const HEALTH = `{ walletHealth { walletId employeeId employeeName address status lastPollAt lastSuccessAt lastError failingSince nextPollAt } }`;
const CHAINS = `{ chains { name chainId confirmations nativeSymbol tokenSymbols } }`;

type Health = {
  walletId: string;
  employeeId: string;
  lastPollAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  failingSince: string | null;
  nextPollAt: string | null;
};
type Transfer = {
  id: string;
  walletId: string;
  blockNumber: string;
  direction: string;
  amount: string;
  symbol: string | null;
  decimals: number | null;
  logIndex: number;
};

describe('wallets, added to polled', () => {
  let node: HardhatNode;
  let proxy: JsonRpcProxy;
  let provider: JsonRpcProvider;
  let token: Contract;
  let tokenAddress: string;
  let treasury: JsonRpcSigner;
  let app: TestApp;
  let sql: pg.Client;
  let org: TestOrg;
  let admin: string;
  let compliance: string;
  let viewer: string;
  let employee: TestEmployee;
  let colleague: TestEmployee;
  let otherCompliance: string;
  let otherEmployee: TestEmployee;
  let holder: JsonRpcSigner;
  let walletId: string;

  const count = async (table: string, where = 'true', params: unknown[] = []) =>
    Number((await sql.query<{ count: string }>(`SELECT count(*) FROM ${table} WHERE ${where}`, params)).rows[0]!.count);
  const writtenCounts = async () => ({
    wallets: await count('wallets'),
    active: await count('wallets', `status = 'active'`),
    updated: await count('wallets', 'updated_at > created_at'),
  });
  const healthOf = async (token: string, id: string) => {
    const res = await app.gql<{ walletHealth: Health[] }>(HEALTH, {}, token);
    return res.data?.walletHealth.find((h) => h.walletId === id);
  };
  const sendToken = async (from: JsonRpcSigner, to: string, amount: bigint) => {
    const tx = (await (token.connect(from) as Contract).getFunction('transfer')(to, amount)) as { wait(): Promise<unknown> };
    await tx.wait();
  };

  beforeAll(async () => {
    node = await startHardhatNode();
    proxy = await startJsonRpcProxy(node.url);
    provider = new JsonRpcProvider(node.url, 31337, { staticNetwork: true, cacheTimeout: -1 });
    treasury = await provider.getSigner(0);
    holder = await provider.getSigner(1);
    const deployed = await new ContractFactory(MINIMAL_ERC20_ABI, MINIMAL_ERC20_BYTECODE, treasury).deploy(1_000_000_000n);
    await deployed.waitForDeployment();
    tokenAddress = await deployed.getAddress();
    token = new Contract(tokenAddress, MINIMAL_ERC20_ABI, provider);
    const chains = [
      {
        name: 'hardhat',
        chainId: 31337,
        rpcUrls: [proxy.url],
        confirmations: 0,
        tokens: [{ symbol: 'MIN', address: tokenAddress, decimals: 6 }],
      },
    ];
    app = await startTestApp({
      CHAINS: JSON.stringify(chains),
      POLL_INTERVAL_SECONDS: '1',
      POLL_JITTER_SECONDS: '0',
      POLL_SCHEDULE_EVERY_SECONDS: '0.1',
    });
    sql = new pg.Client({ connectionString: app.db.adminUrl });
    await sql.connect();
    org = await createTestOrg(app, 'Wallet Watchers');
    admin = (await adminWithMfa(app, org)).token;
    compliance = await sessionWithRole(app, admin, org.roles.Compliance.id, 'compliance');
    viewer = await sessionWithRole(app, admin, org.roles.Viewer.id, 'viewer');
    employee = await onboardedEmployee(app, admin, 'Grace Walletholder');
    colleague = await onboardedEmployee(app, admin, 'Henry Colleague');
    const other = await createTestOrg(app, 'Other Desk');
    const otherAdmin = (await adminWithMfa(app, other)).token;
    otherCompliance = await sessionWithRole(app, otherAdmin, other.roles.Compliance.id, 'compliance');
    otherEmployee = await onboardedEmployee(app, otherAdmin, 'Ola Outsider');
  }, 120_000);
  afterAll(async () => {
    await sql?.end();
    await app?.stop();
    provider?.destroy();
    await proxy?.stop().catch(() => undefined);
    await node?.stop();
  });

  it('should list the configured chains, without their RPC URLs, to anyone signed in', async () => {
    const res = await app.gql<{ chains: unknown[] }>(CHAINS, {}, employee.token);
    expect(res.data?.chains).toEqual([
      { name: 'hardhat', chainId: 31337, confirmations: 0, nativeSymbol: 'ETH', tokenSymbols: ['MIN'] },
    ]);
    expect(JSON.stringify(res)).not.toContain(proxy.url);
  });

  it('should add the employee’s wallet checksummed, ingest its transfers in and out exactly once, and show balances to Compliance', async () => {
    const address = await holder.getAddress();
    await sendToken(treasury, address, 1000n);
    const added = await app.gql<{ addWallet: { id: string; address: string; employeeId: string; status: string } }>(
      ADD,
      { input: { chainId: 31337, address: address.toLowerCase(), label: 'Ledger' } },
      employee.token,
    );
    expect(added.errors).toBeUndefined();
    expect(added.data!.addWallet).toMatchObject({ address, employeeId: employee.id, status: 'active' });
    walletId = added.data!.addWallet.id;
    const receiver = EthersWallet.createRandom().address;
    await sendToken(holder, receiver, 300n);

    const transfers = async () =>
      (await app.gql<{ walletTransfers: { nodes: Transfer[] } }>(TRANSFERS, { e: employee.id, first: 50 }, compliance)).data
        ?.walletTransfers.nodes;
    const seen = await waitFor('both transfers', async () => {
      const nodes = await transfers();
      return nodes && nodes.length >= 2 ? nodes : undefined;
    });
    // The token's symbol and decimals come from CHAINS, so the console can show whole tokens.
    expect(seen.map((t) => [t.direction, t.amount, t.symbol, t.decimals])).toEqual([
      ['out', '300', 'MIN', 6],
      ['in', '1000', 'MIN', 6],
    ]);
    // Several more cycles later, still each transfer once.
    const runs = await count('wallet_poll_runs', `wallet_id = $1 AND outcome = 'ok'`, [walletId]);
    await waitFor('three more polls', async () =>
      (await count('wallet_poll_runs', `wallet_id = $1 AND outcome = 'ok'`, [walletId])) >= runs + 3 ? true : undefined,
    );
    expect((await transfers())!.map((t) => t.id)).toEqual(seen.map((t) => t.id));
    expect(await count('wallet_transfers', 'wallet_id = $1', [walletId])).toBe(2);

    const balances = await app.gql<{ walletBalances: { walletId: string; asset: string; symbol: string; amount: string }[] }>(
      BALANCES,
      { e: employee.id },
      compliance,
    );
    expect(balances.data!.walletBalances.find((b) => b.asset === tokenAddress)).toMatchObject({
      walletId,
      symbol: 'MIN',
      amount: '700',
    });
    expect(balances.data!.walletBalances.find((b) => b.asset === 'native')).toMatchObject({ symbol: 'ETH' });
    const health = await healthOf(compliance, walletId);
    expect(health).toMatchObject({ employeeId: employee.id, lastError: null, failingSince: null });
    expect(health!.lastSuccessAt).not.toBeNull();
    expect(Date.parse(health!.nextPollAt!)).toBeGreaterThan(Date.parse(health!.lastPollAt!) - 1000);
  });

  it('should page transfers on the server, newest first, and refuse a forged cursor', async () => {
    const first = await app.gql<{
      walletTransfers: { nodes: Transfer[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    }>(TRANSFERS, { e: employee.id, first: 1 }, compliance);
    expect(first.data!.walletTransfers.nodes.map((t) => t.direction)).toEqual(['out']);
    expect(first.data!.walletTransfers.pageInfo.hasNextPage).toBe(true);
    const second = await app.gql<{ walletTransfers: { nodes: Transfer[]; pageInfo: { hasNextPage: boolean } } }>(
      TRANSFERS,
      { e: employee.id, first: 1, after: first.data!.walletTransfers.pageInfo.endCursor },
      compliance,
    );
    expect(second.data!.walletTransfers.nodes.map((t) => t.direction)).toEqual(['in']);
    expect(second.data!.walletTransfers.pageInfo.hasNextPage).toBe(false);
    for (const after of [
      Buffer.from(JSON.stringify(["1'; DROP TABLE wallets; --", 0, walletId])).toString('base64url'),
      Buffer.from(JSON.stringify(['1', 0, 'not-a-uuid'])).toString('base64url'),
      'garbage',
    ]) {
      expect(codeOf(await app.gql(TRANSFERS, { e: employee.id, first: 1, after }, compliance))).toBe('BAD_USER_INPUT');
    }
  });

  it('should show the Viewer balances but not transfers, and the employee its own wallets only', async () => {
    expect(
      (await app.gql<{ walletBalances: unknown[] }>(BALANCES, { e: employee.id }, viewer)).data!.walletBalances.length,
    ).toBeGreaterThan(0);
    const refused = await app.gql(TRANSFERS, { e: employee.id }, viewer);
    expect(codeOf(refused)).toBe('FORBIDDEN');
    expect(refused.data).toBeNull();

    const own = await app.gql<{ wallets: { id: string }[] }>(WALLETS, {}, employee.token);
    expect(own.data!.wallets.map((w) => w.id)).toEqual([walletId]);
    // The employee has no balances:read or transactions:read (the Employee role holds connections:* only).
    expect(codeOf(await app.gql(BALANCES, { e: employee.id }, employee.token))).toBe('FORBIDDEN');
  });

  it('should show another employee of the same org nothing of the wallet, and let it remove nothing', async () => {
    expect((await app.gql<{ wallets: unknown[] }>(WALLETS, { e: employee.id }, colleague.token)).data!.wallets).toEqual([]);
    expect((await app.gql<{ wallets: unknown[] }>(WALLETS, {}, colleague.token)).data!.wallets).toEqual([]);
    expect((await app.gql<{ walletHealth: unknown[] }>(HEALTH, {}, colleague.token)).data!.walletHealth).toEqual([]);
    const before = await writtenCounts();
    const res = await app.gql(REMOVE, { id: walletId }, colleague.token);
    expect(codeOf(res)).toBe('NOT_FOUND');
    expect(await writtenCounts()).toEqual(before);
  });

  it('should show another organization nothing: not the wallet, its balances, transfers or health', async () => {
    expect(codeOf(await app.gql(BALANCES, { e: employee.id }, otherCompliance))).toBe('NOT_FOUND');
    expect(codeOf(await app.gql(TRANSFERS, { e: employee.id }, otherCompliance))).toBe('NOT_FOUND');
    expect((await app.gql<{ wallets: unknown[] }>(WALLETS, { e: employee.id }, otherCompliance)).data!.wallets).toEqual([]);
    expect((await app.gql<{ walletHealth: unknown[] }>(HEALTH, {}, otherCompliance)).data!.walletHealth).toEqual([]);
    const before = await writtenCounts();
    expect(codeOf(await app.gql(REMOVE, { id: walletId }, otherEmployee.token))).toBe('NOT_FOUND');
    expect(await writtenCounts()).toEqual(before);
  });

  it('should refuse bad input to addWallet and removeWallet with BAD_USER_INPUT, writing nothing', async () => {
    const address = await (await provider.getSigner(2)).getAddress();
    const lower = address.toLowerCase();
    const wrongChecksum = `0x${[...lower.slice(2)].map((c, i) => (i % 2 && /[a-f]/.test(c) ? c.toUpperCase() : c)).join('')}`;
    const before = await writtenCounts();
    const bad: Record<string, unknown>[] = [
      { chainId: 31337, address: `${address}\u0000` },
      { chainId: 31337, address: `0x${'a'.repeat(100_000)}` },
      { chainId: 31337, address: wrongChecksum },
      { chainId: 31337, address: 'vitalik.eth' },
      { chainId: 31337, address: '0x0000000000000000000000000000000000000000' },
      { chainId: 31337, address, label: 'x'.repeat(81) },
      { chainId: 31337, address, label: 'bad\u0000label' },
      { chainId: 0, address },
      { chainId: -5, address },
    ];
    for (const input of bad) {
      const res = await app.gql(ADD, { input }, employee.token);
      expect(codeOf(res), JSON.stringify(input).slice(0, 80)).toBe('BAD_USER_INPUT');
    }
    const unknownChain = await app.gql(ADD, { input: { chainId: 1, address } }, employee.token);
    expect(codeOf(unknownChain)).toBe('BAD_USER_INPUT');
    expect(unknownChain.errors![0]!.message).toContain('hardhat (31337)');
    for (const id of ['not-a-uuid', `${walletId}\u0000`, 'x'.repeat(10_000)]) {
      expect(codeOf(await app.gql(REMOVE, { id }, employee.token))).toBe('BAD_USER_INPUT');
    }
    expect(await writtenCounts()).toEqual(before);
  });

  it('should refuse a duplicate address with CONFLICT, even from two requests at once, and refuse non-employees', async () => {
    const address = await holder.getAddress();
    const before = await writtenCounts();
    expect(codeOf(await app.gql(ADD, { input: { chainId: 31337, address } }, colleague.token))).toBe('CONFLICT');
    // Compliance holds connections:write (to require re-onboarding) but is no employee: it adds no wallet.
    expect(
      codeOf(await app.gql(ADD, { input: { chainId: 31337, address: EthersWallet.createRandom().address } }, compliance)),
    ).toBe('FORBIDDEN');
    expect(codeOf(await app.gql(ADD, { input: { chainId: 31337, address: EthersWallet.createRandom().address } }, viewer))).toBe(
      'FORBIDDEN',
    );
    expect(await writtenCounts()).toEqual(before);

    const fresh = EthersWallet.createRandom().address;
    const results: GqlResult<unknown>[] = await Promise.all(
      [employee, colleague, employee, colleague].map((e) => app.gql(ADD, { input: { chainId: 31337, address: fresh } }, e.token)),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => codeOf(r) === 'CONFLICT')).toHaveLength(3);
    expect(await count('wallets', 'address = $1', [fresh])).toBe(1);
  });

  it('should stop polling a removed wallet and keep its history', async () => {
    const address = await (await provider.getSigner(3)).getAddress();
    await sendToken(treasury, address, 55n);
    const added = await app.gql<{ addWallet: { id: string } }>(ADD, { input: { chainId: 31337, address } }, colleague.token);
    const id = added.data!.addWallet.id;
    await waitFor('the first poll', async () =>
      (await count('wallet_transfers', 'wallet_id = $1', [id])) === 1 ? true : undefined,
    );
    const removed = await app.gql<{ removeWallet: { status: string } }>(REMOVE, { id }, colleague.token);
    expect(removed.data!.removeWallet.status).toBe('removed');
    await new Promise((r) => setTimeout(r, 300));
    const runs = await count('wallet_poll_runs', 'wallet_id = $1', [id]);
    await new Promise((r) => setTimeout(r, 2500));
    expect(await count('wallet_poll_runs', 'wallet_id = $1', [id])).toBe(runs);
    expect(await count('wallet_transfers', 'wallet_id = $1', [id])).toBe(1);
    expect((await app.gql<{ wallets: unknown[] }>(WALLETS, {}, colleague.token)).data!.wallets).toEqual([]);
    // The same address can be watched again after removal.
    expect((await app.gql(ADD, { input: { chainId: 31337, address } }, colleague.token)).errors).toBeUndefined();
  });

  it('should send the chain nothing about a person: no name, email or id of an employee, user or org (H17)', async () => {
    expect(proxy.requests.length).toBeGreaterThan(0);
    const ids = (
      await sql.query<{
        v: string;
      }>(`SELECT id::text AS v FROM employees UNION SELECT user_id::text FROM employees WHERE user_id IS NOT NULL
      UNION SELECT id::text FROM organizations UNION SELECT id::text FROM wallets UNION SELECT id::text FROM users`)
    ).rows.map((r) => r.v);
    const forbidden = [employee.name, employee.email, colleague.name, colleague.email, 'Walletholder', ...ids];
    for (const r of proxy.requests) {
      const everything = `${r.url} ${JSON.stringify(r.headers)} ${r.body}`.toLowerCase();
      for (const f of forbidden) expect(everything).not.toContain(f.toLowerCase());
      expect(everything).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    }
  });

  // Last: it stops the node's proxy for good.
  it('should mark the wallet failing when its node is down, keeping the last snapshot and transfers', async () => {
    const lastSuccessBeforeStop = (await healthOf(compliance, walletId))!.lastSuccessAt!;
    await proxy.stop();
    const failing = await waitFor('the wallet to fail', async () => {
      const h = await healthOf(compliance, walletId);
      return h?.failingSince ? h : undefined;
    });
    expect(failing.lastError).toMatch(/no RPC URL answered/);
    expect(failing.lastError).not.toContain(proxy.url);
    // A poll already on the wire when the node went away may still have succeeded, so what a
    // failure must keep is read once the wallet fails: one wallet's polls run one at a time, and
    // every poll from the first failure on finds the node down.
    expect(Date.parse(failing.lastSuccessAt!)).toBeGreaterThanOrEqual(Date.parse(lastSuccessBeforeStop));
    const balancesBefore = (await app.gql<{ walletBalances: unknown[] }>(BALANCES, { e: employee.id }, compliance)).data!
      .walletBalances;
    const snapshots = await count('wallet_balance_snapshots', 'wallet_id = $1', [walletId]);
    const transfers = await count('wallet_transfers', 'wallet_id = $1', [walletId]);
    const failures = await count('wallet_poll_runs', `wallet_id = $1 AND outcome = 'error'`, [walletId]);
    // Another failure keeps "failing since" at the first, the last success, the snapshot and the transfers.
    await waitFor('another failed poll', async () =>
      (await count('wallet_poll_runs', `wallet_id = $1 AND outcome = 'error'`, [walletId])) > failures ? true : undefined,
    );
    const after = (await healthOf(compliance, walletId))!;
    expect(after.failingSince).toBe(failing.failingSince);
    expect(after.lastSuccessAt).toBe(failing.lastSuccessAt);
    expect((await app.gql<{ walletBalances: unknown[] }>(BALANCES, { e: employee.id }, compliance)).data!.walletBalances).toEqual(
      balancesBefore,
    );
    expect(await count('wallet_balance_snapshots', 'wallet_id = $1', [walletId])).toBe(snapshots);
    expect(await count('wallet_transfers', 'wallet_id = $1', [walletId])).toBe(transfers);
  });
});
