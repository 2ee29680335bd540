import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { rmSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, parseEnv, type Env } from '@/config/env';
import { startVigil, type Vigil } from '@/app/bootstrap';
import { createLogger } from '@/lib/logger';
import { inScopedTransaction } from '@/lib/db/request-db';
import { createOrganization } from '@/core/identity';
import { DemoRefusedError } from '@/modules/demo';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database';
import { waitFor } from '../../helpers/wait-for';

// Issue 10, item 13: a first run that shows something. Vigil started with VIGIL_DEMO seeds three
// labelled demo employees in the first organization, onboards their keys and wallets through
// the public API against the in-process simulated exchange and chain, polls them, and one key,
// revoked at the simulated exchange, ends broken with an open connection_broken alert. A restart
// seeds nothing twice; production refuses the demo at the parser and again at the module.

const ADMIN = { organization: 'demo-first-run', email: 'admin@demo-first-run.test', password: 'correct horse battery staple' };

type Employee = { id: string; name: string; department: string; status: string; hasAccount: boolean; health: string };
// The demo polls on its own schedule after a real start-up: waits are long, probes unhurried.
const waitForDemo = <T>(what: string, probe: () => Promise<T | undefined>) => waitFor(what, probe, 45_000, 250);

type Gql<T> = { data?: T | null; errors?: { message: string; extensions?: { code?: string } }[] };

describe('demo mode: a first run that shows something', () => {
  let db: TestDatabase;
  let sql: pg.Client;
  let vigil: Vigil | undefined;
  let env: Env;
  const dataDir = `/tmp/vigil-demo-test-${randomBytes(4).toString('hex')}`;
  const redisPrefix = `vigiltest:${randomBytes(4).toString('hex')}:`;

  const gql = async <T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> => {
    const res = await fetch(`${vigil!.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as Gql<T>;
    if (!body.data) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const signIn = async () =>
    (await gql<{ login: { token: string } }>('mutation($i: LoginInput!) { login(input: $i) { token } }', { i: ADMIN })).login
      .token;
  const demoEmployees = async (token: string) =>
    (
      await gql<{ employees: { nodes: Employee[] } }>(
        '{ employees(search: "Demo", first: 20) { nodes { id name department status hasAccount health } } }',
        {},
        token,
      )
    ).employees.nodes;
  const count = async (query: string, params: unknown[] = []) =>
    Number((await sql.query<{ n: string }>(query, params)).rows[0]!.n);

  beforeAll(async () => {
    db = await createTestDatabase();
    sql = new pg.Client({ connectionString: db.adminUrl });
    await sql.connect();
    env = parseEnv({
      NODE_ENV: 'test',
      DATABASE_URL: db.appUrl,
      DATABASE_REQUEST_URL: db.requestUrl,
      DATABASE_ADMIN_URL: db.adminUrl,
      REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
      REDIS_KEY_PREFIX: redisPrefix,
      PORT: '0',
      JWT_SECRET: randomBytes(32).toString('base64'),
      ENCRYPTION_KEYS: `t1:${randomBytes(32).toString('base64')}`,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      AUDIT_CHAIN_INTERVAL_MS: '20',
      DATA_DIR: dataDir,
      FIRST_ADMIN_EMAIL: ADMIN.email,
      FIRST_ADMIN_PASSWORD: ADMIN.password,
      FIRST_ORG_NAME: 'Demo first run',
      FIRST_ORG_SLUG: ADMIN.organization,
      VIGIL_DEMO: 'true',
      POLL_INTERVAL_SECONDS: '1',
      POLL_JITTER_SECONDS: '0',
      POLL_SCHEDULE_EVERY_SECONDS: '0.2',
      DEMO_REVOKE_AFTER_SECONDS: '4',
    });
    vigil = await startVigil(env, createLogger(env.LOG_LEVEL));
  }, 60_000);

  afterAll(async () => {
    await vigil?.stop();
    await sql?.end();
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('should seed three labelled demo employees with a connected key and a wallet each when the demo is on', async () => {
    const admin = await signIn();
    const employees = await demoEmployees(admin);
    expect(employees.map((e) => e.name).sort()).toEqual([
      'Demo \u2014 Ada Lovelace',
      'Demo \u2014 Alan Turing',
      'Demo \u2014 Grace Hopper',
    ]);
    for (const e of employees)
      expect(e).toMatchObject({ department: 'Demo (simulated data)', status: 'active', hasAccount: true });
    // Each key went through connectExchange: scope proved read-only at the simulated Binance, sealed.
    const rows = await sql.query<{ venue: string; status: string; scope: string; api_key_enc: string }>(
      `SELECT c.venue, c.status, c.scope_proof->>'verdict' AS scope, c.api_key_enc
         FROM exchange_connections c JOIN employees e ON e.id = c.employee_id WHERE e.email LIKE '%@demo.vigil.example'`,
    );
    expect(rows.rows).toHaveLength(3);
    for (const r of rows.rows) {
      expect(r).toMatchObject({ venue: 'binance', scope: 'read_only' });
      expect(r.api_key_enc).not.toContain('DEMOKEY');
    }
    expect(await count(`SELECT count(*) AS n FROM wallets WHERE status = 'active' AND chain_id = 990001`)).toBe(3);
    // The seeding signed in and connected through the API, as the employees: audited as them.
    expect(
      await count(
        `SELECT count(*) AS n FROM audit_log a JOIN users u ON u.id::text = a.actor_id
          WHERE a.action = 'mutation.connectExchange' AND u.email LIKE '%@demo.vigil.example' AND a.outcome = 'allowed'`,
      ),
    ).toBe(3);
  });

  it('should seed the first organization only: another organization sees no demo employee', async () => {
    const other = { organization: 'other-org-demo', email: 'admin@other-org-demo.test', password: ADMIN.password };
    await inScopedTransaction(vigil!.deps.orm, { role: 'vigil_system', source: 'test' }, (em) =>
      createOrganization(em, {
        orgName: 'Other org',
        slug: other.organization,
        admin: { email: other.email, name: 'Other Admin', password: other.password },
      }),
    );
    const { login } = await gql<{ login: { token: string } }>('mutation($i: LoginInput!) { login(input: $i) { token } }', {
      i: other,
    });
    expect(await demoEmployees(login.token)).toEqual([]);
    const { feedHealth } = await gql<{ feedHealth: unknown[] }>('{ feedHealth { status } }', {}, login.token);
    expect(feedHealth).toEqual([]);
  });

  it('should show balances and trades from the simulated exchange and the demo wallet, read by polling', async () => {
    const admin = await signIn();
    const ada = (await demoEmployees(admin)).find((e) => e.name.endsWith('Ada Lovelace'))!;
    const balances = await waitForDemo('exchange balances', async () => {
      const { employeeBalances } = await gql<{ employeeBalances: { asset: string; total: string; venue: string }[] }>(
        'query($e: ID!) { employeeBalances(employeeId: $e) { asset total venue } }',
        { e: ada.id },
        admin,
      );
      return employeeBalances.length ? employeeBalances : undefined;
    });
    expect(balances.find((b) => b.asset === 'BTC')).toMatchObject({ venue: 'binance' });
    expect(Number(balances.find((b) => b.asset === 'BTC')!.total)).toBeCloseTo(0.8421, 8);
    const trades = await gql<{ employeeTrades: { nodes: { symbol: string }[] } }>(
      'query($e: ID!) { employeeTrades(employeeId: $e, first: 5) { nodes { symbol } } }',
      { e: ada.id },
      admin,
    );
    expect(trades.employeeTrades.nodes.length).toBeGreaterThan(0);
    // The simulated account deposits every twelve hours and withdraws every day: both show.
    const moved = await gql<{ employeeTransfers: { nodes: { kind: string }[] } }>(
      'query($e: ID!) { employeeTransfers(employeeId: $e, first: 50) { nodes { kind } } }',
      { e: ada.id },
      admin,
    );
    expect(new Set(moved.employeeTransfers.nodes.map((t) => t.kind))).toEqual(new Set(['deposit', 'withdrawal']));
    const wallet = await waitForDemo('wallet balances', async () => {
      const { walletBalances } = await gql<{ walletBalances: { symbol: string; amount: string; chainId: number }[] }>(
        'query($e: ID!) { walletBalances(employeeId: $e) { symbol amount chainId } }',
        { e: ada.id },
        admin,
      );
      const token = walletBalances.find((b) => b.symbol === 'DEMOUSD');
      return token ? walletBalances : undefined;
    });
    expect(wallet.every((b) => b.chainId === 990001)).toBe(true);
    expect(BigInt(wallet.find((b) => b.symbol === 'DEMOUSD')!.amount)).toBeGreaterThan(0n);
    const transfers = await waitForDemo('wallet transfers', async () => {
      const { walletTransfers } = await gql<{ walletTransfers: { nodes: { amount: string; symbol: string | null }[] } }>(
        'query($e: ID!) { walletTransfers(employeeId: $e, first: 10) { nodes { amount symbol } } }',
        { e: ada.id },
        admin,
      );
      return walletTransfers.nodes.length ? walletTransfers.nodes : undefined;
    });
    expect(transfers.length).toBeGreaterThan(0);
    expect(transfers.every((t) => t.symbol === 'DEMOUSD')).toBe(true);
  });

  it('should mark the key revoked at the simulated exchange broken and open a connection_broken alert', async () => {
    const admin = await signIn();
    const grace = (await demoEmployees(admin)).find((e) => e.name.endsWith('Grace Hopper'))!;
    const broken = await waitForDemo('a broken connection', async () => {
      const { feedHealth } = await gql<{ feedHealth: { employeeId: string; status: string; lastError: string | null }[] }>(
        '{ feedHealth { employeeId status lastError } }',
        {},
        admin,
      );
      return feedHealth.find((f) => f.status === 'broken');
    });
    expect(broken.employeeId).toBe(grace.id);
    const { alerts } = await gql<{ alerts: { nodes: { kind: string; status: string; employeeId: string }[] } }>(
      '{ alerts(filter: { kind: ["connection_broken"], status: [OPEN] }) { nodes { kind status employeeId } } }',
      {},
      admin,
    );
    expect(alerts.nodes).toEqual([{ kind: 'connection_broken', status: 'OPEN', employeeId: grace.id }]);
    // The other two keys still poll fine.
    const { feedHealth } = await gql<{ feedHealth: { status: string }[] }>('{ feedHealth { status } }', {}, admin);
    expect(feedHealth.map((f) => f.status).sort()).toEqual(['active', 'active', 'broken']);
  });

  it('should not seed anything twice when Vigil restarts with the demo on', async () => {
    const before = {
      employees: await count(`SELECT count(*) AS n FROM employees WHERE email LIKE '%@demo.vigil.example'`),
      users: await count(`SELECT count(*) AS n FROM users WHERE email LIKE '%@demo.vigil.example'`),
      connections: await count('SELECT count(*) AS n FROM exchange_connections'),
      wallets: await count('SELECT count(*) AS n FROM wallets'),
      seeded: await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'demo.employee_seeded'`),
      alerts: await count(`SELECT count(*) AS n FROM alerts WHERE kind = 'connection_broken'`),
    };
    expect(before).toEqual({ employees: 3, users: 3, connections: 3, wallets: 3, seeded: 3, alerts: 1 });
    await vigil!.stop();
    vigil = await startVigil(env, createLogger(env.LOG_LEVEL));
    const admin = await signIn();
    expect(await demoEmployees(admin)).toHaveLength(3);
    // The chain is the same chain after a restart: the wallets keep being read, no reorg is seen.
    const polledAfter = new Date();
    await waitForDemo('a wallet poll after the restart', async () =>
      (await count(`SELECT count(*) AS n FROM wallet_poll_runs WHERE started_at > $1 AND outcome = 'ok'`, [polledAfter])) > 0
        ? true
        : undefined,
    );
    expect({
      employees: await count(`SELECT count(*) AS n FROM employees WHERE email LIKE '%@demo.vigil.example'`),
      users: await count(`SELECT count(*) AS n FROM users WHERE email LIKE '%@demo.vigil.example'`),
      connections: await count('SELECT count(*) AS n FROM exchange_connections'),
      wallets: await count('SELECT count(*) AS n FROM wallets'),
      seeded: await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'demo.employee_seeded'`),
      alerts: await count(`SELECT count(*) AS n FROM alerts WHERE kind = 'connection_broken'`),
    }).toEqual(before);
  });

  it('should report, not redo, a seed cut short: the next start adds nothing and says so', async () => {
    // As if the last start had stopped before Alan Turing's wallet was added.
    await sql.query(
      `UPDATE wallets SET status = 'removed' WHERE employee_id = (SELECT id FROM employees WHERE email = 'alan.turing@demo.vigil.example')`,
    );
    const lines: string[] = [];
    const logger = createLogger('warn', {}, { write: (line: string) => void lines.push(line) });
    await vigil!.stop();
    vigil = await startVigil(env, logger);
    expect(await count(`SELECT count(*) AS n FROM wallets WHERE status = 'active'`)).toBe(2);
    expect(await count('SELECT count(*) AS n FROM exchange_connections')).toBe(3);
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'mutation.addWallet'`)).toBe(3);
    const warned = lines.map((l) => JSON.parse(l) as { msg: string; employee?: string }).filter((l) => /mid-seed/.test(l.msg));
    expect(warned.map((l) => l.employee)).toEqual(['Demo \u2014 Alan Turing']);
    expect(lines.some((l) => l.includes('DEMO MODE: simulated exchange and chain'))).toBe(true);
  });

  it('should refuse to boot with the demo on in production, at the parser and again at the demo module', async () => {
    expect(() =>
      parseEnv({
        NODE_ENV: 'production',
        VIGIL_DEMO: 'true',
        DATABASE_URL: db.appUrl,
        DATABASE_REQUEST_URL: db.requestUrl,
        REDIS_URL: 'redis://127.0.0.1:6379',
        JWT_SECRET: randomBytes(32).toString('base64'),
        ENCRYPTION_KEYS: `t1:${randomBytes(32).toString('base64')}`,
        PUBLIC_ORIGIN: 'https://vigil.example.com',
      }),
    ).toThrow(ConfigError);
    // A config that slipped past the parser still does not start: the module refuses before
    // anything listens or touches a database (this one does not exist: reaching it would fail
    // with a connection error instead).
    const nowhere = 'postgres://vigil_app@127.0.0.1:5432/vigil_demo_never_made';
    await expect(
      startVigil(
        { ...env, NODE_ENV: 'production', DATABASE_URL: nowhere, DATABASE_ADMIN_URL: nowhere, DATABASE_REQUEST_URL: nowhere },
        createLogger('silent'),
      ),
    ).rejects.toThrow(DemoRefusedError);
  });

  it('should stop the server process at boot, naming VIGIL_DEMO, when production asks for the demo', async () => {
    const server = path.resolve(import.meta.dirname, '../../..');
    const production = {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      VIGIL_DEMO: 'true',
      DATABASE_URL: db.appUrl,
      DATABASE_REQUEST_URL: db.requestUrl,
      REDIS_URL: 'redis://127.0.0.1:6379',
      JWT_SECRET: randomBytes(32).toString('base64'),
      ENCRYPTION_KEYS: `t1:${randomBytes(32).toString('base64')}`,
      PUBLIC_ORIGIN: 'https://vigil.example.com',
    };
    const exit = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = execFile(path.join(server, 'node_modules/.bin/tsx'), ['src/main.ts'], { cwd: server, env: production });
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('exit', (code) => resolve({ code, stderr }));
    });
    expect(exit.code).toBe(78);
    expect(exit.stderr).toMatch(/VIGIL_DEMO: demo mode .* can never run in production/);
  }, 60_000);
});
