import { Wallet as EthersWallet } from 'ethers';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { krakenMarketData } from '../../doubles/exchanges/dialects/kraken.dialect';
import { startExchangeDouble, type ExchangeDouble } from '../../doubles/exchanges/exchange-double';
import { sampleCredentials, type SampleCredentials } from '../../doubles/exchanges/sample-accounts';
import { CONNECT, onboardedEmployee, type TestEmployee } from '../../helpers/holdings-kit';
import {
  adminWithMfa,
  codeOf,
  createTestOrg,
  sessionWithRole,
  startTestApp,
  type TestApp,
  type TestOrg,
} from '../../helpers/test-app';
import { waitFor } from '../../helpers/wait-for';

// Issue 10, item 7 end to end: the employee's Binance account (a double) is polled as usual; the
// worker's holdings.refresh-prices job reads the held assets, asks the pricing venue's public
// tickers (a Kraken double, reached through EXCHANGE_API_BASE_KRAKEN) and stores the prices;
// balances, the roster and the history are valued from them, exactly, per role. Figures are
// computed by hand below.

const BALANCES = `query($e: ID!) { employeeBalances(employeeId: $e) { asset total value priced priceAt } }`;
const ROSTER = `{ employees(first: 50) { nodes { id name totalValue unpricedAssets } } }`;
const ONE = `query($id: ID!) { employee(id: $id) { id totalValue unpricedAssets } }`;
const HISTORY = `query($e: ID!) {
  employeeValueHistory(employeeId: $e, days: 7) { at value unpricedAssets }
  employeeBalanceHistory(employeeId: $e, days: 7) { asset at total value } }`;

type Balance = { asset: string; total: string; value: string | null; priced: boolean; priceAt: string | null };
type RosterRow = { id: string; name: string; totalValue: string | null; unpricedAssets: number | null };

// The employee's Binance account; the pricing double lists no DOT/USD market: DOT is unpriced.
const HOLDINGS = { BTC: '0.5', ETH: '2.25', USDT: '1000.10', USD: '250.55', DOT: '40' };
// 0.5 × 30000.10 + 2.25 × 2000.50 + 1000.10 × 1.0002 + 250.55 × 1
//   = 15000.05 + 4501.125 + 1000.30002 + 250.55 = 20752.02502
const TOTAL = '20752.02502';
const USDC_TOKEN = EthersWallet.createRandom().address;
const MIN_TOKEN = EthersWallet.createRandom().address;

describe('valuation from public market data', () => {
  let venue: ExchangeDouble;
  let pricing: ExchangeDouble;
  let app: TestApp;
  let sql: pg.Client;
  let org: TestOrg;
  let admin: string;
  let compliance: string;
  let viewer: string;
  let hr: string;
  let employee: TestEmployee;
  let colleague: TestEmployee;
  let outsider: string;
  let key: SampleCredentials;

  const prices = async () =>
    (
      await sql.query<{ asset: string; quote: string; price: string; at: Date; source: string }>(
        'SELECT asset, quote, price::text AS price, at, source FROM asset_prices ORDER BY at, asset',
      )
    ).rows;
  const balancesOf = async (token: string, employeeId = employee.id) =>
    app.gql<{ employeeBalances: Balance[] }>(BALANCES, { e: employeeId }, token);
  const byAsset = (rows: Balance[]) => Object.fromEntries(rows.map((r) => [r.asset, r]));

  beforeAll(async () => {
    krakenMarketData.reset();
    venue = await startExchangeDouble('binance');
    pricing = await startExchangeDouble('kraken');
    app = await startTestApp({
      EXCHANGE_API_BASE_BINANCE: venue.url,
      EXCHANGE_API_BASE_KRAKEN: pricing.url,
      PRICING_VENUE: 'kraken',
      REFERENCE_CURRENCY: 'USD',
      POLL_INTERVAL_SECONDS: '1',
      POLL_JITTER_SECONDS: '0',
      POLL_SCHEDULE_EVERY_SECONDS: '0.1',
      // A chain whose node never answers: the wallet's snapshots below are written by the test.
      CHAINS: JSON.stringify([
        {
          name: 'testchain',
          chainId: 31337,
          rpcUrls: ['http://127.0.0.1:9'],
          confirmations: 0,
          tokens: [
            { symbol: 'USDC', address: USDC_TOKEN, decimals: 6 },
            { symbol: 'MIN', address: MIN_TOKEN, decimals: 6 },
          ],
        },
      ]),
    });
    sql = new pg.Client({ connectionString: app.db.adminUrl });
    await sql.connect();
    org = await createTestOrg(app, 'Valuation Desk');
    admin = (await adminWithMfa(app, org)).token;
    compliance = await sessionWithRole(app, admin, org.roles.Compliance.id, 'compliance');
    viewer = await sessionWithRole(app, admin, org.roles.Viewer.id, 'viewer');
    const role = await app.gql<{ createRole: { id: string } }>(
      'mutation($input: CreateRoleInput!) { createRole(input: $input, justification: "HR needs an account, no data") { id } }',
      { input: { name: 'HR', permissions: [] } },
      admin,
    );
    hr = await sessionWithRole(app, admin, role.data!.createRole.id, 'hr');
    employee = await onboardedEmployee(app, admin, 'Vera Valued');
    colleague = await onboardedEmployee(app, admin, 'Colin Colleague');
    const other = await createTestOrg(app, 'Other Valuers');
    const otherAdmin = (await adminWithMfa(app, other)).token;
    outsider = await sessionWithRole(app, otherAdmin, other.roles.Compliance.id, 'compliance');

    key = sampleCredentials('binance', 'valued');
    venue.addKey({ ...key, permissions: 'read_only', balances: { ...HOLDINGS } });
    const connected = await app.gql(
      CONNECT,
      { input: { venue: 'binance', apiKey: key.apiKey, secret: key.secret } },
      employee.token,
    );
    expect(connected.errors).toBeUndefined();
  }, 120_000);
  afterAll(async () => {
    await sql?.end();
    await app?.stop();
    await venue?.close();
    await pricing?.close();
    krakenMarketData.reset();
  });

  it('should store the price of every held asset the venue quotes, and none for the unquoted or the reference currency', async () => {
    const stored = await waitFor('the first prices', async () => {
      const rows = await prices();
      return rows.length >= 3 ? rows : undefined;
    });
    const first = stored.filter((r) => r.at.getTime() === stored[0]!.at.getTime());
    expect(first.map((r) => [r.asset, r.quote, r.price, r.source])).toEqual([
      ['BTC', 'USD', '30000.10', 'kraken'],
      ['ETH', 'USD', '2000.50', 'kraken'],
      ['USDT', 'USD', '1.0002', 'kraken'],
    ]);
    expect(stored.some((r) => r.asset === 'DOT' || r.asset === 'USD')).toBe(false);
  });

  it('should value each balance exactly, show the unquoted asset as unpriced (null, never zero), and USD as 1', async () => {
    const res = await balancesOf(compliance);
    expect(res.errors).toBeUndefined();
    const rows = byAsset(res.data!.employeeBalances);
    expect(rows.BTC).toMatchObject({ value: '15000.05', priced: true });
    expect(rows.ETH).toMatchObject({ value: '4501.125', priced: true });
    expect(rows.USDT).toMatchObject({ value: '1000.30002', priced: true });
    expect(rows.USD).toMatchObject({ value: '250.55', priced: true, priceAt: null });
    expect(rows.DOT).toMatchObject({ value: null, priced: false, priceAt: null });
    expect(Date.parse(rows.BTC!.priceAt!)).not.toBeNaN();
  });

  it('should total the priced holdings to the cent in the roster and count the unpriced asset', async () => {
    const roster = await app.gql<{ employees: { nodes: RosterRow[] } }>(ROSTER, {}, compliance);
    const rows = Object.fromEntries(roster.data!.employees.nodes.map((n) => [n.id, n]));
    expect(rows[employee.id]).toMatchObject({ totalValue: TOTAL, unpricedAssets: 1 });
    expect(Number(rows[employee.id]!.totalValue).toFixed(2)).toBe('20752.03');
    // Holding nothing is no value at all, not $0.
    expect(rows[colleague.id]).toMatchObject({ totalValue: null, unpricedAssets: 0 });
    const one = await app.gql<{ employee: RosterRow }>(ONE, { id: employee.id }, viewer);
    expect(one.data?.employee).toMatchObject({ totalValue: TOTAL, unpricedAssets: 1 });
  });

  it('should ask the pricing venue with no key, no signature and nothing about the employee', async () => {
    const tickers = krakenMarketData.requests.filter((r) => r.path === '/0/public/Ticker');
    expect(tickers.length).toBeGreaterThan(0);
    for (const request of tickers) {
      expect(request.method).toBe('GET');
      expect(request.headers['api-key']).toBeUndefined();
      expect(request.headers['api-sign']).toBeUndefined();
      expect(request.headers.authorization).toBeUndefined();
      expect(request.body).toBe('');
      // Only pair ids: the held assets the venue lists against USD.
      expect([...request.query.keys()]).toEqual(['pair']);
      expect(request.query.get('pair')!.split(',').sort()).toEqual(['USDTZUSD', 'XETHZUSD', 'XXBTZUSD']);
      const everything = JSON.stringify({ path: request.pathWithQuery, headers: request.headers, body: request.body });
      for (const secret of [employee.id, employee.email, employee.name, 'Vera', org.orgId, key.apiKey, key.secret]) {
        expect(everything).not.toContain(secret);
      }
    }
    // The pricing double's own record agrees: only public paths, none with a key header.
    expect(pricing.requests.length).toBeGreaterThan(0);
    expect(pricing.requests.every((r) => r.path.startsWith('/0/public/') && r.apiKeyHeader === undefined)).toBe(true);
  });

  it('should value the history at the price nearest each snapshot, and the new price after a refresh', async () => {
    const firstPriceAt = (await prices())[0]!.at;
    krakenMarketData.setLast('BTC/USD', '31000');
    await waitFor('the new BTC price', async () => {
      const rows = byAsset((await balancesOf(compliance)).data!.employeeBalances);
      return rows.BTC?.value === '15500' ? true : undefined;
    });
    // A poll's snapshot is stamped when the poll starts: let one that began before the new price end first.
    await new Promise((r) => setTimeout(r, 1500));
    // A new snapshot: 0.5 BTC more, nothing else changed.
    venue.key(key.apiKey).balances = { ...HOLDINGS, BTC: '1' };
    const res = await waitFor(
      'the snapshot of 1 BTC',
      async () => {
        const r = await app.gql<{
          employeeValueHistory: { at: string; value: string | null; unpricedAssets: number }[];
          employeeBalanceHistory: { asset: string; at: string; total: string; value: string | null }[];
        }>(HISTORY, { e: employee.id }, viewer);
        return r.data?.employeeBalanceHistory.some((p) => p.asset === 'BTC' && Number(p.total) === 1) ? r.data : undefined;
      },
      60_000,
    );
    const first = res.employeeValueHistory[0];
    const second = res.employeeValueHistory[res.employeeValueHistory.length - 1];
    // The first snapshot predates every price: valued at the earliest price after it (BTC 30000.10).
    expect(Date.parse(first!.at)).toBeLessThan(firstPriceAt.getTime());
    expect(first).toMatchObject({ value: TOTAL, unpricedAssets: 1 });
    // The last: valued at the BTC price stored nearest before it (31000, unless a poll that began
    // before that price was stored read the new balance), the others unchanged:
    // 1 × 31000 + 4501.125 + 1000.30002 + 250.55 = 36751.97502 (or 1 × 30000.10 + … = 35752.07502).
    const { rows } = await sql.query<{ price: string }>(
      `SELECT price::text AS price FROM asset_prices WHERE asset = 'BTC' AND at <= $1 ORDER BY at DESC LIMIT 1`,
      [second!.at],
    );
    const btcPrice = rows[0]!.price;
    expect(['31000', '30000.10']).toContain(btcPrice);
    const expected = btcPrice === '31000' ? '36751.97502' : '35752.07502';
    expect(second).toMatchObject({ value: expected, unpricedAssets: 1 });
    expect(second!.at).not.toBe(first!.at);
    const btc = res.employeeBalanceHistory.filter((p) => p.asset === 'BTC').map((p) => p.value);
    expect(btc[0]).toBe('15000.05');
    expect(btc[btc.length - 1]).toBe(btcPrice === '31000' ? '31000' : '30000.1');
    expect(res.employeeBalanceHistory.filter((p) => p.asset === 'DOT').every((p) => p.value === null)).toBe(true);
  }, 90_000);

  it('should keep the last prices when the pricing venue fails, and value as of their time', async () => {
    const failedTickers = () => pricing.requests.filter((r) => r.path === '/0/public/Ticker' && r.status === 429).length;
    const valuedNow = async () => ({
      balances: (await balancesOf(compliance)).data!.employeeBalances,
      roster: (await app.gql<{ employees: { nodes: RosterRow[] } }>(ROSTER, {}, compliance)).data!.employees.nodes.find(
        (n) => n.id === employee.id,
      ),
    });
    // Every request to the pricing venue is now refused with its 429.
    pricing.limitIp({ requests: 0, windowMs: 60_000, retryAfterSeconds: 1 });
    try {
      const already = failedTickers();
      // Refreshes run one at a time: once one has failed, none that succeeded is still to write.
      await waitFor('a failed refresh', async () => (failedTickers() > already ? true : undefined));
      const before = await prices();
      const valuedBefore = await valuedNow();
      await waitFor('two more failed refreshes', async () => (failedTickers() >= already + 3 ? true : undefined));
      expect(await prices()).toEqual(before);
      const valuedDuring = await valuedNow();
      expect(valuedDuring).toEqual(valuedBefore);
      const lastBtc = before.filter((p) => p.asset === 'BTC').pop()!;
      expect(byAsset(valuedDuring.balances).BTC).toMatchObject({ priced: true, priceAt: lastBtc.at.toISOString() });
      expect(valuedDuring.roster?.totalValue).not.toBeNull();
    } finally {
      pricing.limitIp(undefined);
    }
  });

  it('should value wallet balances from raw units by symbol and add them to the total', async () => {
    const added = await app.gql<{ addWallet: { id: string } }>(
      'mutation($input: AddWalletInput!) { addWallet(input: $input) { id } }',
      { input: { chainId: 31337, address: EthersWallet.createRandom().address } },
      colleague.token,
    );
    expect(added.errors).toBeUndefined();
    const walletId = added.data!.addWallet.id;
    // What a poll of the chain would have stored: 1.5 ETH, 2.5 USDC and 7 MIN (no MIN/USD market).
    await sql.query(
      `INSERT INTO wallet_balance_snapshots (org_id, wallet_id, chain_id, asset, symbol, decimals, amount, block_number, at)
       SELECT w.org_id, w.id, 31337, x.asset, x.symbol, x.decimals, x.amount, 1, now()
         FROM wallets w, (VALUES ('native', 'ETH', 18, 1500000000000000000::numeric),
                                 ($2, 'USDC', 6, 2500000::numeric), ($3, 'MIN', 6, 7000000::numeric))
                         AS x(asset, symbol, decimals, amount)
        WHERE w.id = $1`,
      [walletId, USDC_TOKEN, MIN_TOKEN],
    );
    await waitFor('the USDC price', async () => ((await prices()).some((p) => p.asset === 'USDC') ? true : undefined));
    expect((await prices()).some((p) => p.asset === 'MIN')).toBe(false);
    const res = await app.gql<{ walletBalances: { symbol: string; amount: string; value: string | null; priced: boolean }[] }>(
      'query($e: ID!) { walletBalances(employeeId: $e) { symbol amount value priced } }',
      { e: colleague.id },
      viewer,
    );
    expect(res.errors).toBeUndefined();
    const bySymbol = Object.fromEntries(res.data!.walletBalances.map((b) => [b.symbol, b]));
    // 1.5 × 2000.50 = 3000.75; 2.5 × 0.9998 = 2.4995; MIN unpriced.
    expect(bySymbol.ETH).toMatchObject({ value: '3000.75', priced: true });
    expect(bySymbol.USDC).toMatchObject({ value: '2.4995', priced: true });
    expect(bySymbol.MIN).toMatchObject({ value: null, priced: false });
    const one = await app.gql<{ employee: RosterRow }>(ONE, { id: colleague.id }, compliance);
    expect(one.data?.employee).toMatchObject({ totalValue: '3003.2495', unpricedAssets: 1 });
    // Over time too: the snapshot predates the first USDC price, so USDC takes the earliest after it.
    const history = await app.gql<{ employeeValueHistory: { value: string | null; unpricedAssets: number }[] }>(
      'query($e: ID!) { employeeValueHistory(employeeId: $e, days: 1) { value unpricedAssets } }',
      { e: colleague.id },
      compliance,
    );
    expect(history.data?.employeeValueHistory).toEqual([{ value: '3003.2495', unpricedAssets: 1 }]);
  });

  it('should let a Viewer read values and refuse HR (no permissions) everything, with no numbers', async () => {
    const seen = await balancesOf(viewer);
    expect(seen.errors).toBeUndefined();
    expect(seen.data!.employeeBalances.some((b) => b.value !== null)).toBe(true);
    for (const doc of [BALANCES, HISTORY]) {
      const res = await app.gql(doc, { e: employee.id }, hr);
      expect(codeOf(res)).toBe('FORBIDDEN');
      expect(res.data).toBeNull();
    }
    const roster = await app.gql(ROSTER, {}, hr);
    expect(codeOf(roster)).toBe('FORBIDDEN');
    expect(roster.data).toBeNull();
  });

  it('should show an employee no values of anyone, and another organization nothing', async () => {
    // The Employee role holds no balances:read: not even its own balances are read through these fields.
    for (const e of [employee.id, colleague.id]) {
      const res = await balancesOf(employee.token, e);
      expect(codeOf(res)).toBe('FORBIDDEN');
      expect(res.data).toBeNull();
    }
    const mine = await app.gql<{ myEmployee: RosterRow }>('{ myEmployee { id totalValue unpricedAssets } }', {}, employee.token);
    expect(mine.data?.myEmployee).toEqual({ id: employee.id, totalValue: null, unpricedAssets: null });
    const theirs = await balancesOf(outsider);
    expect(codeOf(theirs)).toBe('NOT_FOUND');
    expect(theirs.data).toBeNull();
    const history = await app.gql(HISTORY, { e: employee.id }, outsider);
    expect(codeOf(history)).toBe('NOT_FOUND');
  });

  it('should refuse a malformed employee id or span with BAD_USER_INPUT', async () => {
    const bad = await app.gql(HISTORY, { e: 'not-a-uuid' }, compliance);
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    const span = await app.gql(
      'query($e: ID!) { employeeValueHistory(employeeId: $e, days: 0) { at } }',
      { e: employee.id },
      compliance,
    );
    expect(codeOf(span)).toBe('BAD_USER_INPUT');
  });
  it('should value the newest snapshot even when an older one is written after it, and the next newer one at once (last: it changes the history)', async () => {
    const connection = async () =>
      (
        await sql.query<{ id: string; balances_at: Date }>(
          'SELECT id, balances_at FROM exchange_connections WHERE employee_id = $1',
          [employee.id],
        )
      ).rows[0]!;
    const before = await connection();
    const totalOf = async () =>
      (await app.gql<{ employee: RosterRow }>(ONE, { id: employee.id }, compliance)).data?.employee.totalValue;
    const valueNow = await totalOf();
    expect(valueNow).toEqual(expect.any(String));
    // One BTC line written at the newest snapshot's time shifted by `shift`.
    const snapshotAt = (shift: string, amount: number) =>
      sql.query(
        `INSERT INTO exchange_balances (org_id, connection_id, employee_id, fetched_at, asset, total, free, used)
         VALUES ($1, $2, $3, $4::timestamptz + $5::interval, 'BTC', $6, $6, 0)`,
        [org.orgId, before.id, employee.id, before.balances_at, shift, amount],
      );
    // A late write of an old snapshot (a slow poll) holding far more: never the value now.
    await snapshotAt('-1 hour', 1000);
    expect((await connection()).balances_at).toEqual(before.balances_at);
    expect(await totalOf()).toBe(valueNow);
    // A newer snapshot (a later poll that found the account emptied but for 1 BTC) is the value now.
    await snapshotAt('1 second', 1);
    expect((await connection()).balances_at.getTime()).toBe(before.balances_at.getTime() + 1000);
    const btc = await sql.query<{ price: string }>(
      `SELECT price::text AS price FROM asset_prices WHERE asset = 'BTC' AND quote = 'USD' ORDER BY at DESC LIMIT 1`,
    );
    expect(Number(await totalOf())).toBe(Number(btc.rows[0]!.price));
  });
});
