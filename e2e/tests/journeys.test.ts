import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../harness/browser';
import { chooseOption, enterSignInCode, fillNewUser, justifyAndConfirm, navLabels, signIn, signOut } from '../harness/console';
import { expectNoCellOverflow } from '../harness/layout';
import { freshTotp } from '../harness/totp';
import { vigilForJourney } from '../harness/vigilForJourney';

// People the admin adds along the story; each step chooses their role.
const BLOCKED = { name: 'Blocked Before Mfa', email: 'blocked@acme.test', password: 'Viewer-password-123!' };
const CARLA = { name: 'Carla Compliance', email: 'carla@acme.test', password: 'Compliance-password-123!' };
const VICTOR = { name: 'Victor Viewer', email: 'victor@acme.test', password: 'Viewer-password-123!' };
const HANK = { name: 'Hank HR', email: 'hank@acme.test', password: 'Hr-password-12345!' };

// One story, in order: each step starts where the previous one left the console.
describe('console journeys against a real server', () => {
  const journey = vigilForJourney(['browser']);
  let mfaSecret = '';

  it('should show the sign-in page when a visitor opens the console', async () => {
    const { page } = journey.browser;
    await page.goto(journey.vigil.baseUrl);
    await page.waitForURL('**/sign-in');
    await page.getByRole('heading', { name: 'Sign in to Vigil' }).waitFor();
    expect(await page.getByTestId('sign-in-submit').isEnabled()).toBe(true);
    await screenshot(page, 'sign-in');
  });

  it('should refuse a wrong password without revealing which part was wrong', async () => {
    const { page } = journey.browser;
    await signIn(page, journey.vigil.baseUrl, { ...journey.vigil.admin, password: 'not-the-password' });
    await page.getByTestId('sign-in-error').waitFor();
    expect(await page.getByTestId('sign-in-error').innerText()).toMatch(/do not match/);
    expect(page.url()).toContain('/sign-in');
  });

  it('should sign in the first admin and show the admin navigation', async () => {
    const { page } = journey.browser;
    await signIn(page, journey.vigil.baseUrl, journey.vigil.admin);
    await page.waitForURL('**/users');
    expect(await navLabels(page)).toEqual([
      'Users',
      'Roles',
      'Employees',
      'Feed health',
      'Alerts',
      'Audit log',
      'Account & security',
    ]);
    await page.getByTestId('user-row').first().waitFor();
    expect(await page.getByTestId('org-name').innerText()).toBe(journey.vigil.org);
    await screenshot(page, 'users-before-mfa');
  });

  it('should ask the admin to set up MFA when an admin write answers MFA_REQUIRED before enrolment', async () => {
    const { page } = journey.browser;
    await fillNewUser(page, BLOCKED, 'Viewer');
    await justifyAndConfirm(page, 'E2E: this write must wait for MFA');
    const modal = page.getByRole('dialog', { name: 'Verify with MFA' });
    await modal.waitFor();
    expect(await modal.innerText()).toMatch(/no authenticator yet/);
    await screenshot(page, 'step-up-needs-enrolment');
    await modal.getByRole('button', { name: 'Set up MFA' }).click();
    await page.waitForURL('**/account');
  });

  it('should enrol MFA with the QR code and the secret as text', async () => {
    const { page } = journey.browser;
    await page.getByTestId('mfa-begin').click();
    await page.getByTestId('mfa-qr').waitFor();
    mfaSecret = (await page.getByTestId('mfa-secret').innerText()).trim();
    expect(mfaSecret).toMatch(/^[A-Z2-7]{16,}=*$/);
    expect(await page.getByTestId('mfa-qr').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    await screenshot(page, 'mfa-enrolment');
    await page.getByTestId('mfa-code').fill(await freshTotp(mfaSecret));
    await page.getByTestId('mfa-confirm').click();
    await page.getByTestId('mfa-status').getByText('Enabled').waitFor();
    // Ten recovery codes, shown this once, until the admin says they stored them.
    await page.getByTestId('recovery-codes').waitFor();
    const codes = await page.getByTestId('recovery-code').allInnerTexts();
    expect(codes).toHaveLength(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-7]{5}(-[a-z2-7]{5}){3}$/);
    await screenshot(page, 'mfa-recovery-codes');
    await page.getByTestId('recovery-codes-done').click();
    await page.getByTestId('recovery-codes-left').getByText('10 left').waitFor();
    await screenshot(page, 'mfa-enabled');
  });

  it('should require a TOTP step-up on a later sign-in', async () => {
    const { page } = journey.browser;
    await signOut(page);
    await signIn(page, journey.vigil.baseUrl, journey.vigil.admin);
    await page.getByTestId('sign-in-mfa-form').waitFor();
    await screenshot(page, 'sign-in-step-up');
    await enterSignInCode(page, mfaSecret);
    await page.waitForURL('**/users');
    await page.getByTestId('aal-badge').getByText('MFA verified').waitFor();
  });

  it('should create a user with a written justification once verified', async () => {
    const { page } = journey.browser;
    await fillNewUser(page, CARLA, 'Compliance');
    await page.getByTestId('justification').fill('short');
    await page.getByTestId('action-confirm').click();
    await page.getByText(/at least 10 characters/).waitFor();
    await justifyAndConfirm(page, 'E2E: onboarding a compliance analyst (ticket OPS-1)');
    await page.getByTestId('user-row').filter({ hasText: CARLA.email }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'User created' }).waitFor();
    await screenshot(page, 'users');
    await expectNoCellOverflow(page);
  });

  it('should narrow the users list when searching', async () => {
    const { page } = journey.browser;
    await page.getByTestId('users-search').fill('carla');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="user-row"]').length === 1);
    expect(await page.getByTestId('user-row').innerText()).toContain(CARLA.email);
    await page.getByTestId('users-search').fill('');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="user-row"]').length === 2);
  });

  it('should disable a user with a written justification', async () => {
    const { page } = journey.browser;
    const row = page.getByTestId('user-row').filter({ hasText: CARLA.email });
    await row.getByTestId('user-actions').click();
    await page.getByRole('menuitem', { name: 'Disable…' }).click();
    await justifyAndConfirm(page, 'E2E: analyst on extended leave (ticket OPS-3)');
    await row.getByText('Disabled').waitFor();
  });

  it('should step up in a dialog and retry the write when the session is back at AAL1', async () => {
    const { page } = journey.browser;
    // A password change issues a fresh password-only (AAL1) session.
    await page.getByTestId('nav-account').click();
    const newPassword = `${journey.vigil.admin.password}-rotated`;
    await page.getByTestId('current-password').fill(journey.vigil.admin.password);
    await page.getByTestId('new-password').fill(newPassword);
    await page.getByTestId('repeat-password').fill(newPassword);
    await page.getByTestId('change-password').click();
    await page.getByTestId('session-aal').getByText(/AAL1/).waitFor();
    journey.vigil.admin.password = newPassword;
    await page.getByTestId('verify-mfa-button').waitFor();

    await page.getByTestId('nav-users').click();
    await fillNewUser(page, VICTOR, 'Viewer');
    await justifyAndConfirm(page, 'E2E: read-only access for the auditor (ticket OPS-2)');
    await page.getByTestId('step-up-code').waitFor();
    await screenshot(page, 'step-up-modal');
    await page.getByTestId('step-up-code').fill(await freshTotp(mfaSecret));
    await page.getByTestId('step-up-submit').click();
    // The original createUser is retried with the new AAL2 token: the user appears without re-submitting.
    await page.getByTestId('user-row').filter({ hasText: VICTOR.email }).waitFor();
    await page.getByTestId('aal-badge').getByText('MFA verified').waitFor();
  });

  it('should show audit entries and a valid hash chain on the audit page', async () => {
    const { page } = journey.browser;
    await page.getByTestId('nav-audit').click();
    await page.waitForURL('**/audit');
    await page.getByTestId('audit-row').first().waitFor();
    await page.getByTestId('chain-valid').waitFor();
    expect(await page.getByTestId('chain-valid').textContent()).toBe('Valid');
    expect(Number(await page.getByTestId('chain-checked').innerText())).toBeGreaterThan(0);
    expect(Number(await page.getByTestId('chain-head').innerText())).toBeGreaterThan(0);
    expect(await page.getByTestId('audit-table').innerText()).toMatch(/user/i);
    await screenshot(page, 'audit');
    await expectNoCellOverflow(page);
  });

  it('should download the audit log as CSV with the session token', async () => {
    const { page } = journey.browser;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export').click()]);
    const file = await download.path();
    const csv = await readFile(file, 'utf8');
    expect(csv.split('\n').length).toBeGreaterThan(1);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
  });

  it('should filter audit entries by outcome', async () => {
    const { page } = journey.browser;
    await chooseOption(page, 'filter-outcome', 'Denied');
    await page.getByTestId('filter-apply').click();
    // The wrong-password attempt and the pre-MFA write were refused; either shows as denied or none match.
    await page.locator('[data-testid="audit-row"], [data-testid="audit-empty"]').first().waitFor();
    const rows = await page.getByTestId('audit-row').allInnerTexts();
    for (const row of rows) expect(row).toMatch(/denied/i);
    await screenshot(page, 'audit-denied-filter');
    await expectNoCellOverflow(page);
  });

  it('should show a role with no permissions only Account, and Access denied elsewhere', async () => {
    const { page } = journey.browser;
    await page.getByTestId('nav-roles').click();
    await page.getByTestId('new-role').click();
    await page.getByTestId('role-name').fill('HR');
    await page.getByTestId('role-description').fill('Sees nothing');
    await justifyAndConfirm(page, 'E2E: HR needs console accounts but no data');
    await page.getByTestId('role-row').filter({ hasText: 'HR' }).waitFor();
    await screenshot(page, 'roles');
    await expectNoCellOverflow(page);

    await page.getByTestId('nav-users').click();
    await fillNewUser(page, HANK, 'HR (custom)');
    await justifyAndConfirm(page, 'E2E: HR member with no data access');
    await page.getByTestId('user-row').filter({ hasText: HANK.email }).waitFor();

    const hr = await launchBrowser();
    try {
      await signIn(hr.page, journey.vigil.baseUrl, {
        organization: journey.vigil.admin.organization,
        email: HANK.email,
        password: HANK.password,
      });
      // The admin set Hank's password: he must choose his own before anything else.
      await hr.page.waitForURL('**/choose-password');
      await hr.page.getByTestId('choose-password-explanation').waitFor();
      await screenshot(hr.page, 'choose-password');
      await hr.page.getByTestId('current-password').fill(HANK.password);
      await hr.page.getByTestId('new-password').fill('Hank-own-passphrase-42');
      await hr.page.getByTestId('repeat-password').fill('Hank-own-passphrase-42');
      await hr.page.getByTestId('change-password').click();
      await hr.page.waitForURL('**/account');
      expect(await navLabels(hr.page)).toEqual(['Account & security']);
      await hr.page.goto(`${journey.vigil.baseUrl}/audit`);
      await hr.page.getByTestId('access-denied').waitFor();
      await screenshot(hr.page, 'access-denied');
    } finally {
      await hr.close();
    }
  });
});
