import path from 'node:path';
import { chromium } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH } from '../harness/browser';
import { justifyAndConfirm, navLabels, signIn, submitOnboardingPassword, submitSignIn } from '../harness/console';
import { expectNoCellOverflow, expectNoSidewaysOverflowWhenNarrow } from '../harness/layout';
import { enrolAdminInMfaAndSignInAgain } from '../harness/mfa';
import { REPO_ROOT } from '../harness/paths';
import { run } from '../harness/run';
import { numberedShots } from '../harness/screenshots';
import { vigilForJourney } from '../harness/vigilForJourney';
import { WIDE } from '../harness/viewports';

// Holdings, first slice: an admin invites an employee, the employee onboards from the link in a
// browser of its own, signs in and sees its status; the admin sees it active. Screenshots at 1280
// and 390 px wide land in SHOTS_DIR to be looked at.
const SHOTS_DIR = process.env.E2E_HOLDINGS_SHOTS_DIR ?? '/tmp/holdings-shots';
const LINK = /^http:\/\/127\.0\.0\.1:\d+\/onboarding#invitation=[A-Za-z0-9_-]{43}$/;

const tokenOf = (invitationLink: string): string => invitationLink.split('#invitation=')[1] ?? '';

const shots = numberedShots(SHOTS_DIR);

describe('holdings: invite and onboard an employee', () => {
  let firstLink = '';
  let link = '';
  let employeePath = '';
  const erin = { name: 'Erin Employee', email: 'erin.employee@acme.test', password: 'Erin-chooses-a-long-passphrase' };

  beforeAll(async () => {
    // The console as shipped: vitest runs with NODE_ENV=test, which would make `vite build` a
    // development build (import.meta.env.PROD false, so the page's HTTPS guard would be off).
    await run('pnpm', ['--filter', '@vigil/web', 'build'], {
      cwd: REPO_ROOT,
      env: { NODE_ENV: 'production' },
      timeoutMs: 300_000,
    });
    process.env.E2E_SKIP_WEB_BUILD = '1';
  });
  const journey = vigilForJourney(['admin', 'employee'], { viewport: WIDE });

  it('should explain what employees are when the roster is empty', async () => {
    const { page } = journey.admin;
    await signIn(page, journey.vigil.baseUrl, journey.vigil.admin);
    await page.waitForURL('**/users');
    expect(await navLabels(page)).toContain('Employees');
    await page.getByTestId('nav-employees').click();
    await page.waitForURL('**/employees');
    const empty = page.getByTestId('employees-empty');
    await empty.waitFor();
    expect(await empty.innerText()).toMatch(/crypto holdings/);
    expect(await empty.innerText()).toMatch(/single-use link/);
    await shots(page, 'employees-empty');
    await expectNoSidewaysOverflowWhenNarrow(page);
  });

  it('should enrol the admin in MFA and step up at the next sign-in', async () => {
    const { page } = journey.admin;
    await enrolAdminInMfaAndSignInAgain(page, journey.vigil.baseUrl, journey.vigil.admin);
    await page.getByTestId('aal-badge').getByText('MFA verified').waitFor();
  });

  it('should refuse an invitation without a justification, then invite and show the link once', async () => {
    const { page } = journey.admin;
    await page.getByTestId('nav-employees').click();
    await page.getByTestId('invite-employee').click();
    await page.getByTestId('invite-name').fill(erin.name);
    await page.getByTestId('invite-email').fill(erin.email);
    await page.getByTestId('invite-department').fill('Equities');
    await page.getByTestId('action-confirm').click();
    await page.getByText(/A justification is required/).waitFor();
    await shots(page, 'invite-modal-needs-justification', false);
    await justifyAndConfirm(page, 'E2E: new equities trader joins (ticket HR-7)');

    const modal = page.getByTestId('invitation-link-modal');
    await page.getByTestId('invitation-link').waitFor();
    firstLink = (await page.getByTestId('invitation-link').innerText()).trim();
    expect(firstLink).toMatch(LINK);
    expect(await modal.innerText()).toMatch(/keeps no copy/);
    expect(await modal.innerText()).toMatch(/works once/i);
    expect(await page.getByTestId('invitation-link-expiry').innerText()).toMatch(/Works once, until/);
    await page.getByRole('alert').filter({ hasText: 'Employee invited' }).waitFor();
    await shots(page, 'invitation-link-shown-once');
    await page.getByTestId('invitation-link-copy').click();
    await page.getByTestId('invitation-link-done').click();
    await modal.waitFor({ state: 'hidden' });
    // Vigil keeps no copy: nothing on the page shows the link again.
    expect(await page.content()).not.toContain(tokenOf(firstLink));

    const row = page.getByTestId('employee-row').filter({ hasText: erin.email });
    await row.waitFor();
    expect(await row.getByTestId('employee-status').textContent()).toBe('Invited');
    expect(await row.getByTestId('invitation-expiry').innerText()).toBe('Invitation expires in 7 days');
    await shots(page, 'employees-invited');
    await expectNoCellOverflow(page);
    await expectNoSidewaysOverflowWhenNarrow(page);
  });

  it('should filter the roster by status and search on the server', async () => {
    const { page } = journey.admin;
    await page.getByTestId('employees-status-filter').click();
    await page.getByRole('option', { name: 'Active', exact: true }).click();
    await page.getByTestId('employees-empty').getByText('No employees match').waitFor();
    await page.getByTestId('employees-status-filter').click();
    await page.getByRole('option', { name: 'Invited', exact: true }).click();
    await page.getByTestId('employee-row').filter({ hasText: erin.email }).waitFor();
    await page.getByTestId('employees-search').fill('nobody-like-this');
    await page.getByTestId('employees-empty').waitFor();
    await page.getByTestId('employees-search').fill('erin');
    await page.getByTestId('employee-row').filter({ hasText: erin.email }).waitFor();
  });

  it('should show the employee page with status, expiry, actions and the space kept for holdings', async () => {
    const { page } = journey.admin;
    await page.getByTestId('employee-link').filter({ hasText: erin.name }).click();
    await page.waitForURL('**/employees/*');
    employeePath = new URL(page.url()).pathname;
    await page.getByRole('heading', { name: erin.name }).waitFor();
    const details = await page.getByTestId('employee-details').innerText();
    expect(details).toContain(erin.email);
    expect(details).toContain('Equities');
    expect(details).toMatch(/Invitation expires in 7 days/);
    expect(await page.getByTestId('holdings-placeholder').innerText()).toMatch(
      /Connections and wallets appear here once the employee onboards/,
    );
    // An admin lacks connections:write: the action stays listed and says so.
    expect(await page.getByTestId('employee-actions').innerText()).toMatch(
      /cannot require re-onboarding \(needs connections:write\)/,
    );
    await shots(page, 'employee-invited');
    await expectNoCellOverflow(page);
    await expectNoSidewaysOverflowWhenNarrow(page);
  });

  it('should re-send the invitation with a new link shown once', async () => {
    const { page } = journey.admin;
    await page.getByTestId('employee-action-resendInvitation').click();
    await justifyAndConfirm(page, 'E2E: first link went to an old mailbox');
    await page.getByTestId('invitation-link').waitFor();
    link = (await page.getByTestId('invitation-link').innerText()).trim();
    expect(link).toMatch(LINK);
    expect(link).not.toBe(firstLink);
    await page.getByRole('alert').filter({ hasText: 'New invitation link made' }).waitFor();
    await shots(page, 'invitation-reissued', false);
    await page.getByTestId('invitation-link-done').click();
  });

  it('should edit the department with a justification and say so', async () => {
    const { page } = journey.admin;
    await page.getByTestId('employee-action-edit').click();
    await page.getByTestId('edit-employee-department').fill('Equities trading');
    await justifyAndConfirm(page, 'E2E: department renamed by HR (ticket HR-9)');
    await page.getByRole('alert').filter({ hasText: 'Employee updated' }).waitFor();
    await page.getByTestId('employee-details').getByText('Equities trading').waitFor();
  });

  it('should tell the employee that a replaced link no longer works', async () => {
    const { page } = journey.employee;
    await page.goto(firstLink);
    const problem = page.getByTestId('invitation-problem');
    await problem.waitFor();
    expect(await problem.getAttribute('data-kind')).toBe('revoked');
    expect(await problem.innerText()).toMatch(/replaced by a newer one/);
    await shots(page, 'onboarding-link-replaced');
  });

  it('should read the token from the fragment, drop it from the address bar and show who the link is for', async () => {
    const { page } = journey.employee;
    const graphqlBodies: string[] = [];
    const urlsAndReferers: string[] = [];
    page.on('request', (request) => {
      urlsAndReferers.push(request.url(), request.headers().referer ?? '');
      if (request.url().endsWith('/graphql')) graphqlBodies.push(request.postData() ?? '');
    });
    await page.goto(link);
    await page.getByTestId('invitation-summary').waitFor();
    expect(page.url()).toBe(`${journey.vigil.baseUrl}/onboarding`);
    expect(await page.evaluate(() => window.location.hash)).toBe('');
    expect(await page.getByTestId('invitation-organization').innerText()).toBe(journey.vigil.org);
    expect(await page.getByTestId('invitation-name').innerText()).toBe(erin.name);
    expect(await page.getByTestId('invitation-email').innerText()).toBe(erin.email);
    // The token travels only as a GraphQL variable: never in a URL or a Referer.
    expect(graphqlBodies.some((body) => body.includes(tokenOf(link)))).toBe(true);
    expect(urlsAndReferers.filter((value) => value.includes(tokenOf(link)) || value.includes('invitation='))).toEqual([]);
    await shots(page, 'onboarding-valid');
  });

  it('should refuse a short password and differing confirmation before sending anything', async () => {
    const { page } = journey.employee;
    await submitOnboardingPassword(page, 'short', 'shorter');
    await page.getByText(/at least 12 characters/).waitFor();
    await page.getByText('The passwords differ.').waitFor();
    await shots(page, 'onboarding-password-errors', false);
  });

  it('should make the account and hand over to sign-in with the organization filled in', async () => {
    const { page } = journey.employee;
    await submitOnboardingPassword(page, erin.password);
    const ready = page.getByTestId('account-ready');
    await ready.waitFor();
    expect(await ready.innerText()).toMatch(/Your account is ready/);
    expect(await ready.innerText()).toMatch(/next you will connect your exchange keys/);
    await shots(page, 'onboarding-account-ready');
    await page.getByTestId('continue-to-sign-in').click();
    await page.waitForURL('**/sign-in?org=acme');
    expect(await page.getByTestId('sign-in-organization').inputValue()).toBe(journey.vigil.admin.organization);
    await shots(page, 'employee-sign-in', false);
  });

  it('should sign the employee in to its own holdings page showing it active', async () => {
    const { page } = journey.employee;
    await submitSignIn(page, erin);
    await page.waitForURL('**/me/holdings');
    // Other modules may add their own entries; the roster itself is never offered to an employee.
    const labels = await navLabels(page);
    expect(labels).toContain('My holdings');
    expect(labels).not.toContain('Employees');
    expect(await page.getByTestId('my-status').getByTestId('employee-status').textContent()).toBe('Active');
    expect(await page.getByTestId('my-status').innerText()).toContain(erin.name);
    await shots(page, 'my-holdings-active');
    await expectNoCellOverflow(page);
    await expectNoSidewaysOverflowWhenNarrow(page);
    // The roster is not for employees: the page says so and the server refuses the data.
    await page.goto(`${journey.vigil.baseUrl}/employees`);
    await page.getByTestId('access-denied').waitFor();
  });

  it('should say a used link is used when opened again', async () => {
    const { page } = journey.employee;
    await page.goto(link);
    const problem = page.getByTestId('invitation-problem');
    await problem.waitFor();
    expect(await problem.getAttribute('data-kind')).toBe('used');
    await shots(page, 'onboarding-link-used', false);
  });

  it('should show the admin the employee as active, with the re-send switched off and saying why', async () => {
    const { page } = journey.admin;
    await page.getByTestId('nav-employees').click();
    const row = page.getByTestId('employee-row').filter({ hasText: erin.email });
    await row.getByTestId('employee-status').getByText('Active').waitFor();
    expect(await row.innerText()).not.toMatch(/Invitation expires/);
    await shots(page, 'employees-active');
    await expectNoCellOverflow(page);
    await page.goto(`${journey.vigil.baseUrl}${employeePath}`);
    await page.getByTestId('employee-details').getByText('Active').first().waitFor();
    expect(await page.getByTestId('employee-action-resendInvitation').getAttribute('data-disabled')).toBe('true');
    expect(await page.getByTestId('employee-actions').innerText()).toMatch(/already chosen a password/);
    await shots(page, 'employee-active');
    await expectNoCellOverflow(page);
  });

  it('should offboard the employee with a warning, end its session and keep its record', async () => {
    const { page } = journey.admin;
    await page.getByTestId('employee-action-offboard').click();
    const dialog = page.getByRole('dialog', { name: `Offboard ${erin.name}` });
    expect(await dialog.innerText()).toMatch(/ends every session/);
    expect(await dialog.innerText()).toMatch(/stops polling/);
    expect(await dialog.innerText()).toMatch(/keeps everything recorded/);
    await shots(page, 'offboard-warning', false);
    await justifyAndConfirm(page, 'E2E: employee left the firm (ticket HR-12)');
    await page.getByRole('alert').filter({ hasText: 'Employee offboarded' }).waitFor();
    await page
      .getByTestId('employee-status-note')
      .getByText(/left the firm/)
      .waitFor();
    await shots(page, 'employee-offboarded', false);

    await journey.employee.page.goto(`${journey.vigil.baseUrl}/me/holdings`);
    await journey.employee.page.waitForURL('**/sign-in');
  });

  it('should switch the onboarding page off on a non-loopback plain-HTTP origin without sending the token', async () => {
    // A host name that is not loopback but resolves to this server: what a production console
    // reached over plain HTTP looks like to the page.
    const port = new URL(journey.vigil.baseUrl).port;
    const browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP vigil-plain.test 127.0.0.1'],
    });
    try {
      const page = await browser.newPage({ viewport: WIDE });
      const sent: string[] = [];
      const consoleLines: string[] = [];
      page.on('request', (request) => {
        // The API's path exactly: the console's own chunks may be named graphql-….js.
        if (new URL(request.url()).pathname === '/graphql') sent.push(request.postData() ?? '');
      });
      page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
      page.on('pageerror', (error) => consoleLines.push(`pageerror: ${error.message}`));
      const token = tokenOf(link);
      await page.goto(`http://vigil-plain.test:${port}/onboarding#invitation=${token}`);
      const alert = page.getByTestId('insecure-transport');
      await alert.waitFor({ timeout: 15_000 }).catch(async (err: unknown) => {
        await page.screenshot({ path: path.join(SHOTS_DIR, 'failed-plain-http.png'), fullPage: true });
        throw new Error(`${String(err)}\nurl: ${page.url()}\nconsole:\n${consoleLines.join('\n')}`);
      });
      expect(await alert.innerText()).toMatch(/only travel over HTTPS/);
      expect(await page.getByTestId('onboarding-submit').isDisabled()).toBe(true);
      expect(await page.getByTestId('onboarding-password').isDisabled()).toBe(true);
      expect(sent).toEqual([]);
      await shots(page, 'onboarding-refused-plain-http');
    } finally {
      await browser.close();
    }
  });
});
