import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExchangeDouble, startExchangeDouble } from '../../server/test/doubles/exchanges/exchange-double';
import { sampleCredentials, sampleKey } from '../../server/test/doubles/exchanges/sample-accounts';
import { chooseOption, fillNewUser, justifyAndConfirm, signIn, submitOnboardingPassword, submitSignIn } from '../harness/console';
import { enrolAdminInMfaAndSignInAgain } from '../harness/mfa';
import { numberedShots } from '../harness/screenshots';
import { expectNoCellOverflow } from '../harness/layout';
import { vigilForJourney } from '../harness/vigilForJourney';
import { WIDE } from '../harness/viewports';

// Holdings polling, end to end: an employee connects a read-only key at a local Binance double,
// compliance sees balances, chart and trade; the key is revoked at the double and within one
// polling cycle the console shows it red and an alert is open; compliance requires re-onboarding.
// Screenshots at 1280 and 390 px land in SHOTS_DIR to be looked at.
const SHOTS_DIR = process.env.E2E_FEEDS_SHOTS_DIR ?? '/tmp/feeds-shots';
// The server polls every 2 s here; a red badge must show within one cycle plus the console's 5 s refresh.
const ONE_CYCLE_AND_REFRESH_MS = 15_000;

// Every 390 px shot also checks that nothing sticks out sideways.
const shots = numberedShots(SHOTS_DIR, { checkNarrowLayout: true });

describe('holdings: a connection polled, broken at the venue, shown red, re-onboarding required', () => {
  let venue: ExchangeDouble;
  let link = '';
  let employeePath = '';
  const erin = { name: 'Erin Employee', email: 'erin.employee@acme.test', password: 'Erin-chooses-a-long-passphrase' };
  const carla = { name: 'Carla Compliance', email: 'carla@acme.test', password: 'Compliance-password-123!' };
  const readOnly = sampleCredentials('binance', 'erin');
  const tooBroad = sampleCredentials('binance', 'erin-trading');

  beforeAll(async () => {
    venue = await startExchangeDouble('binance');
    const key = sampleKey('binance', readOnly, 'read_only');
    // A recent trade, so it sits inside the page's date range and reads as this week's activity.
    const recent = <T extends { timestamp: number }>(rows: T[] | undefined, agoMs: number) =>
      (rows ?? []).map((r) => ({ ...r, timestamp: Date.now() - agoMs }));
    venue.addKey({
      ...key,
      trades: recent(key.trades, 3_600_000),
      deposits: recent(key.deposits, 7_200_000),
      withdrawals: recent(key.withdrawals, 5_400_000),
    });
    venue.addKey(sampleKey('binance', tooBroad, ['trade', 'withdraw']));
  });
  afterAll(async () => {
    await venue?.close();
  });
  // After the venue's hooks: Vigil starts once the venue is up (env names its URL) and stops before it closes.
  const journey = vigilForJourney(['admin', 'employee', 'compliance'], {
    env: () => ({
      EXCHANGE_API_BASE_BINANCE: venue.url,
      POLL_INTERVAL_SECONDS: '2',
      POLL_SCHEDULE_EVERY_SECONDS: '0.2',
      // A Redis database of its own: journeys running at the same time share the server's queue
      // names, and a poll job taken by another journey's worker is looked up in the wrong database.
      REDIS_URL: `redis://127.0.0.1:6379/${String(1 + Math.floor(Math.random() * 15))}`,
    }),
    viewport: WIDE,
  });

  it('should let the admin (verified with MFA) invite an employee and add a compliance analyst', async () => {
    const { page } = journey.admin;
    await signIn(page, journey.vigil.baseUrl, journey.vigil.admin);
    await page.waitForURL('**/users');
    await enrolAdminInMfaAndSignInAgain(page, journey.vigil.baseUrl, journey.vigil.admin);

    await fillNewUser(page, carla, 'Compliance');
    await justifyAndConfirm(page, 'E2E: compliance analyst for holdings oversight (ticket OPS-21)');
    await page.getByRole('alert').filter({ hasText: 'User created' }).waitFor();

    await page.getByTestId('nav-employees').click();
    await page.getByTestId('invite-employee').click();
    await page.getByTestId('invite-name').fill(erin.name);
    await page.getByTestId('invite-email').fill(erin.email);
    await page.getByTestId('invite-department').fill('Equities');
    await justifyAndConfirm(page, 'E2E: new equities trader joins (ticket HR-7)');
    await page.getByTestId('invitation-link').waitFor();
    link = (await page.getByTestId('invitation-link').innerText()).trim();
    expect(link).toMatch(/\/onboarding#invitation=/);
    await page.getByRole('alert').filter({ hasText: 'Employee invited' }).waitFor();
    await shots(page, 'admin-invitation-link', false);
    await page.getByTestId('invitation-link-done').click();
  });

  it('should let the employee set a password from the link and sign in to its holdings page', async () => {
    const { page } = journey.employee;
    await page.goto(link);
    await submitOnboardingPassword(page, erin.password);
    await page.getByTestId('account-ready').waitFor();
    await page.getByTestId('continue-to-sign-in').click();
    await page.waitForURL('**/sign-in?org=acme');
    await submitSignIn(page, erin);
    await page.waitForURL('**/me/holdings');
    await page.getByTestId('connections-empty').waitFor();
    await shots(page, 'employee-holdings-before-connecting');
  });

  it('should show the venue steps with what to leave off before the key form', async () => {
    const { page } = journey.employee;
    await page.getByTestId('connect-exchange-link').click();
    await page.waitForURL('**/me/connect');
    await chooseOption(page, 'connect-venue', 'Binance');
    const leaveOff = page.getByTestId('venue-leave-off');
    await leaveOff.waitFor();
    expect(await leaveOff.innerText()).toMatch(/Leave these OFF/i);
    expect(await leaveOff.locator('li').count()).toBeGreaterThan(0);
    await page.getByTestId('connect-api-key').waitFor();
    await shots(page, 'connect-binance-steps');
  });

  it('should refuse a trading key naming what to turn off, and clear the key fields', async () => {
    const { page } = journey.employee;
    await page.getByTestId('connect-api-key').fill(tooBroad.apiKey);
    await page.getByTestId('connect-secret').fill(tooBroad.secret);
    await page.getByTestId('connect-submit').click();
    const refused = page.getByTestId('connect-too-broad');
    await refused.waitFor();
    expect(await refused.innerText()).toMatch(/turn off/i);
    expect(await refused.innerText()).toMatch(/new/i);
    expect(await page.getByTestId('connect-api-key').inputValue()).toBe('');
    expect(await page.getByTestId('connect-secret').inputValue()).toBe('');
    // Nothing was stored: the employee's list is still empty.
    await page.getByTestId('connections-empty').waitFor();
    await shots(page, 'connect-refused-too-broad');
  });

  it('should connect the read-only key and show its fingerprint and the balance it read', async () => {
    const { page } = journey.employee;
    await page.getByTestId('connect-api-key').fill(readOnly.apiKey);
    await page.getByTestId('connect-secret').fill(readOnly.secret);
    await page.getByTestId('connect-label').fill('Main account');
    await page.getByTestId('connect-submit').click();
    const success = page.getByTestId('connect-success');
    await success.waitFor();
    expect(await success.innerText()).toContain(`…${readOnly.apiKey.slice(-4)}`);
    expect(await success.innerText()).not.toContain(readOnly.apiKey);
    expect(await page.getByTestId('connect-balances').innerText()).toMatch(/BTC[\s\S]*0\.5/);
    await page.getByRole('alert').filter({ hasText: 'Binance connected' }).first().waitFor();
    const own = page.getByTestId('connection').filter({ hasText: 'Main account' });
    await own.getByTestId('connection-status').getByText('Active').waitFor();
    expect(await page.content()).not.toContain(readOnly.secret);
    await shots(page, 'connect-success');
  });

  it('should show compliance the employee connection, balances, chart and trade after a poll', async () => {
    const { page } = journey.compliance;
    await signIn(page, journey.vigil.baseUrl, { ...carla, organization: journey.vigil.admin.organization });
    // A password the admin set is replaced at the first sign-in, before anything else works.
    await page.waitForURL('**/choose-password');
    const ownPassword = `${carla.password}-own`;
    await page.getByTestId('current-password').fill(carla.password);
    await page.getByTestId('new-password').fill(ownPassword);
    await page.getByTestId('repeat-password').fill(ownPassword);
    await page.getByTestId('change-password').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/choose-password'));
    await page.getByTestId('app-nav').waitFor();
    await page.getByTestId('nav-employees').click();
    await page.getByTestId('employee-link').filter({ hasText: erin.name }).click();
    await page.waitForURL('**/employees/*');
    employeePath = new URL(page.url()).pathname;
    const connection = page.getByTestId('connection').filter({ hasText: 'Main account' });
    await connection.getByTestId('connection-status').getByText('Active').waitFor();
    // A poll has run once "Last success" says so (2 s interval).
    await connection
      .getByTestId('last-success')
      .getByText(/ago|now/)
      .waitFor({ timeout: 45_000 });
    await page.getByTestId('balance-row').filter({ hasText: 'BTC' }).waitFor();
    // The svg, not its path: a flat balance is a zero-height line, which Playwright counts as hidden.
    const chart = page.getByTestId('balance-chart').getByRole('img');
    await chart.waitFor();
    expect(await chart.getAttribute('aria-label')).toMatch(/balance from/);
    // The line is fitted to its own range: its scale is printed beside it, top and bottom.
    for (const end of ['balance-chart-max', 'balance-chart-min']) {
      expect(await page.getByTestId(end).textContent()).toMatch(/\d/);
    }
    await page.getByTestId('trade-row').filter({ hasText: 'BTC/USDT' }).waitFor({ timeout: ONE_CYCLE_AND_REFRESH_MS });
    await connection.getByTestId('toggle-poll-history').click();
    await connection.getByTestId('poll-run').first().waitFor();
    await shots(page, 'compliance-employee-page-active');
    await expectNoCellOverflow(page);
  });

  it('should filter trades on the server and say so when nothing matches', async () => {
    const { page } = journey.compliance;
    await chooseOption(page, 'trades-side', 'Sells');
    await page.getByTestId('trades-empty').getByText('No trades match these filters.').waitFor();
    await page.getByTestId('trades-side').click();
    await page.getByRole('option', { name: 'Buys', exact: true }).click();
    await page.getByTestId('trade-row').filter({ hasText: 'BTC/USDT' }).waitFor();
  });

  it('should show the deposit and the withdrawal, the withdrawal with where it went, and filter them by kind', async () => {
    const { page } = journey.compliance;
    const rows = page.getByTestId('transfer-row');
    await rows.filter({ hasText: 'deposit' }).waitFor({ timeout: ONE_CYCLE_AND_REFRESH_MS });
    const withdrawal = rows.filter({ hasText: 'withdrawal' });
    await withdrawal.waitFor();
    expect(await withdrawal.innerText()).toMatch(/0\.050*\s+BTC[\s\S]*fee 0\.00020*\s+BTC[\s\S]*sent to · BTC\s+bc1qwi…awal/);
    expect(await withdrawal.getByTestId('transfer-address').getAttribute('title')).toBe('bc1qwithdrawal');
    await chooseOption(page, 'transfers-kind', 'Withdrawals');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().innerText()).toMatch(/withdrawal/i);
    await page.getByTestId('transfers-asset').fill('doge');
    await page.getByTestId('transfers-empty').getByText('No deposits or withdrawals match these filters.').waitFor();
    await page.getByTestId('transfers-asset').fill('');
    await shots(page, 'compliance-employee-page-transfers');
    await expectNoCellOverflow(page);
  });

  it('should turn the connection red within one polling cycle once the key is revoked at the venue', async () => {
    const { page } = journey.compliance;
    venue.revoke(readOnly.apiKey);
    const connection = page.getByTestId('connection').filter({ hasText: 'Main account' });
    await connection.getByTestId('connection-status').getByText('Broken').waitFor({ timeout: ONE_CYCLE_AND_REFRESH_MS });
    await connection.getByTestId('last-error').waitFor();
    await page.getByTestId('balance-stale').first().waitFor({ timeout: ONE_CYCLE_AND_REFRESH_MS });
    await shots(page, 'compliance-employee-page-broken');
    await expectNoCellOverflow(page);

    await page.getByTestId('nav-feed-health').click();
    await page.waitForURL('**/feed-health');
    const row = page.getByTestId('feed-health-row').first();
    expect(await row.getAttribute('data-status')).toBe('broken');
    expect(await row.innerText()).toContain(erin.name);
    await shots(page, 'feed-health-broken');
    await expectNoCellOverflow(page);

    await page.getByTestId('nav-alerts').click();
    await page.waitForURL('**/alerts');
    const alert = page.getByTestId('alert-row').first();
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/broken/i);
    await shots(page, 'alerts-connection-broken');
    await expectNoCellOverflow(page);
  });

  it('should let compliance work the alert: acknowledge it, then resolve it only with a note', async () => {
    const { page } = journey.compliance;
    const row = page
      .getByTestId('alert-row')
      .filter({ hasText: /broken/i })
      .first();
    await row.getByTestId('alert-acknowledge').click();
    await page.getByTestId('alert-note').fill('On it: asking the employee whether they revoked the key.');
    await page.getByTestId('alert-action-confirm').click();
    await page.getByText('Alert acknowledged').waitFor();
    await row.getByTestId('alert-status').getByText('Acknowledged').waitFor();
    await shots(page, 'alert-acknowledged');
    await expectNoCellOverflow(page);

    await row.getByTestId('alert-resolve').click();
    await page.getByTestId('alert-action-confirm').click();
    // Without a note the form refuses and sends nothing: the dialog stays, the alert stays acknowledged.
    await page.getByText('Say how the alert was resolved').waitFor();
    const resolution = 'The employee revoked the key by mistake; re-onboarding follows.';
    await page.getByTestId('alert-note').fill(resolution);
    await page.getByTestId('alert-action-confirm').click();
    await page.getByText('Alert resolved').waitFor();
    // The queue shows unresolved alerts by default: the resolved one leaves it and is found under Resolved.
    await row.waitFor({ state: 'detached' });
    await page.getByTestId('alerts-status-filter').getByText('Resolved', { exact: true }).click();
    const resolved = page
      .getByTestId('alert-row')
      .filter({ hasText: /broken/i })
      .first();
    await resolved.getByTestId('alert-status').getByText('Resolved').waitFor();
    await resolved.getByTestId('alert-title').click();
    const history = page.getByTestId('alert-history');
    await history.getByText(resolution).waitFor();
    expect(await history.innerText()).toContain('On it: asking the employee');
    await shots(page, 'alert-resolved-history');
    await page.keyboard.press('Escape');
  });

  it('should let compliance require re-onboarding and show the employee as needing it', async () => {
    const { page } = journey.compliance;
    await page.goto(`${journey.vigil.baseUrl}${employeePath}`);
    await page.getByTestId('employee-action-requireReonboarding').click();
    await page.getByTestId('reonboarding-note').fill('Binance key revoked at the venue; connect a fresh read-only key.');
    await page.getByTestId('reonboarding-confirm').click();
    await page.getByRole('alert').filter({ hasText: 'Re-onboarding required' }).waitFor();
    await page.getByTestId('employee-details').getByText('Needs re-onboarding').first().waitFor();
    await shots(page, 'compliance-required-reonboarding');

    const own = journey.employee.page;
    await own.goto(`${journey.vigil.baseUrl}/me/holdings`);
    await own.getByTestId('my-status').getByText('Needs re-onboarding').waitFor();
    await own.getByTestId('connection').getByTestId('connection-status').getByText('Broken').waitFor();
    await shots(own, 'employee-needs-reonboarding');
  });

  it('should show compliance the audit log naming the employee and her connection, not their ids', async () => {
    const { page } = journey.compliance;
    await page.getByTestId('nav-audit').click();
    await page.waitForURL('**/audit');
    await chooseOption(page, 'filter-resource', 'employee');
    await page.getByTestId('filter-apply').click();
    const reonboarding = page.getByTestId('audit-row').filter({ hasText: 'requireReonboarding' });
    await reonboarding.getByTestId('audit-resource').getByText(`employee · ${erin.name}`).waitFor();

    // The picker completes what is typed: replace the first choice.
    await page.getByTestId('filter-resource').fill('');
    await chooseOption(page, 'filter-resource', 'connection');
    await page.getByTestId('filter-apply').click();
    await page.getByTestId('audit-resource').getByText(`connection · ${erin.name} · Binance`).first().waitFor();
    const resources = await page.getByTestId('audit-resource').allInnerTexts();
    // Every connection entry with an id names it: none shows a bare UUID.
    for (const text of resources) expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    await shots(page, 'compliance-audit-connection-names');
    await expectNoCellOverflow(page);
  });
});
