import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launchBrowser } from '../harness/browser';
import {
  chooseOption,
  enterSignInCode,
  fillNewUser,
  justifyAndConfirm,
  signIn,
  submitOnboardingPassword,
  submitSignIn,
} from '../harness/console';
import { parseCsv } from '../../server/test/helpers/parse-csv';
import { expectClearOfHeader, isCut, navOnScreen, pageWidth } from '../harness/layout';
import { enrolMfa, signInAgainWithCode } from '../harness/mfa';
import { vigilForJourney } from '../harness/vigilForJourney';

// Issue 9's "must show" items, as a compliance admin meets them on a first run: the last Admin
// cannot demote themself, justifications and names in the audit log, a CSV that matches the
// screen, a failed sign-in for an unknown email as a security event, and a 390 px wide console.
// And what trying it as a new user found: notifications clear of the header, the header's badge
// whole at 390 px, the audit filters in tidy rows with resource names in full, the email a failed
// sign-in tried in the list, a changed role landing on its own first page after signing in again,
// and the sign-in page filled in after accepting an invitation.

const SHOTS_DIR = '/tmp/first-run-shots';
const UNKNOWN_EMAIL = 'nobody-here@acme.test';
const BACKUP_ADMIN_JUSTIFICATION = 'E2E: a second administrator for holiday cover (ticket OPS-9)';
const PHONE_WIDTH = 390;
const BOB = { name: 'Bob Backup', email: 'bob.backup@acme.test', password: 'Backup-admin-password-1!' };
const CARLA = { email: 'carla@acme.test', password: 'Compliance-password-123!', ownPassword: 'Carla-own-passphrase-42' };
const ERIN = { email: 'erin.employee@acme.test', password: 'Erin-chooses-a-long-passphrase' };

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await mkdir(SHOTS_DIR, { recursive: true });
  // Mantine's dialogs and notifications finish entering within 200 ms.
  await page.waitForTimeout(350);
  await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`), fullPage });
}

function rowFor(page: Page, email: string) {
  return page.getByTestId('user-row').filter({ hasText: email });
}

async function openChangeRole(page: Page, email: string): Promise<void> {
  await rowFor(page, email).getByTestId('user-actions').click();
  await page.getByRole('menuitem', { name: /^Change role/ }).click();
  await page.getByTestId('change-role-select').waitFor();
}

/**
 * Applies the audit filters and waits for the list to show the server's answer to exactly this
 * filter (the previous filter's rows stay on screen while it loads, and may match too).
 */
async function applyAuditFilter(page: Page, action: string, outcome: string): Promise<void> {
  await page.getByTestId('filter-action').fill(action);
  await page.keyboard.press('Escape');
  await chooseOption(page, 'filter-outcome', outcome);
  const answer = page.waitForResponse((r) => {
    const sent = r.request().postData() ?? '';
    return r.url().endsWith('/graphql') && sent.includes('"AuditEntries"') && sent.includes(JSON.stringify(action));
  });
  await page.getByTestId('filter-apply').click();
  const body = (await (await answer).json()) as { data: { auditEntries: { nodes: { seq: number | string }[] } } };
  const expected = body.data.auditEntries.nodes.map((n) => String(n.seq));
  await page.waitForFunction((want) => {
    const cells = Array.from(document.querySelectorAll('[data-testid="audit-row"] td:first-child'));
    const shown = cells.map((td) => td.textContent?.trim());
    return shown.length === want.length && shown.every((seq, i) => seq === want[i]);
  }, expected);
}

async function screenSeqs(page: Page): Promise<string[]> {
  return (await page.getByTestId('audit-row').locator('td:first-child').allInnerTexts()).map((s) => s.trim());
}

describe('first run of the console as a compliance admin (issue 9)', () => {
  const journey = vigilForJourney(['browser']);
  let mfaSecret = '';

  it('should refuse a sign-in for an email the organization does not have, saying nothing about which part was wrong', async () => {
    const { page } = journey.browser;
    await signIn(page, journey.vigil.baseUrl, { ...journey.vigil.admin, email: UNKNOWN_EMAIL, password: 'Guessing-passw0rd!' });
    await page.getByTestId('sign-in-error').waitFor();
    expect(await page.getByTestId('sign-in-error').innerText()).toMatch(/do not match/);
    expect(page.url()).toContain('/sign-in');
    await shot(page, '01-unknown-email-refused');
  });

  it('should enrol the first admin in MFA and sign in again with a code (AAL2 for Admin writes)', async () => {
    const { page } = journey.browser;
    await signIn(page, journey.vigil.baseUrl, journey.vigil.admin);
    await page.waitForURL('**/users');
    await page.getByTestId('nav-account').click();
    mfaSecret = await enrolMfa(page);
    await page.getByTestId('recovery-codes').waitFor();
    await page.getByTestId('recovery-codes-done').click();
    await signInAgainWithCode(page, journey.vigil.baseUrl, journey.vigil.admin, mfaSecret);
    await page.waitForURL('**/users');
    await page.getByTestId('aal-badge').getByText('MFA verified').waitFor();
    await shot(page, '02-admin-verified');
  });

  it('should refuse the only Admin demoting themself with CONFLICT, warn in the first person, and change nothing', async () => {
    const { page } = journey.browser;
    await openChangeRole(page, journey.vigil.admin.email);
    const warning = page.getByTestId('own-role-warning');
    expect(await warning.innerText()).toMatch(/You are changing your own role.*you will be signed out/s);
    await chooseOption(page, 'change-role-select', 'Viewer');
    const answer = page.waitForResponse(
      (r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('assignRole'),
    );
    await justifyAndConfirm(page, 'E2E: trying to step down as the only administrator');
    const body = (await (await answer).json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
    expect(body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(body.errors?.[0]?.message).toMatch(/without an administrator/);
    const error = page.getByTestId('action-error');
    await error.waitFor();
    expect(await error.innerText()).toMatch(/Not changed: You are the organization.s last administrator/);
    await shot(page, '03-self-demotion-refused');
    await page.getByRole('button', { name: 'Cancel' }).click();
    // Nothing changed: still Admin on screen and after a reload from the server, still signed in.
    await page.reload();
    await rowFor(page, journey.vigil.admin.email).waitFor();
    expect(await rowFor(page, journey.vigil.admin.email).innerText()).toMatch(/\bAdmin\b/);
    expect(page.url()).toContain('/users');
  });

  it("should change another user's role once a second Admin exists", async () => {
    const { page } = journey.browser;
    await fillNewUser(page, BOB, 'Admin');
    await justifyAndConfirm(page, BACKUP_ADMIN_JUSTIFICATION);
    await rowFor(page, BOB.email).waitFor();

    await fillNewUser(page, { ...CARLA, name: 'Carla Compliance' }, 'Viewer');
    await justifyAndConfirm(page, 'E2E: onboarding an analyst, read-only at first (ticket OPS-10)');
    await rowFor(page, 'carla@acme.test').waitFor();

    await openChangeRole(page, 'carla@acme.test');
    expect(await page.getByTestId('own-role-warning').count()).toBe(0);
    await chooseOption(page, 'change-role-select', 'Compliance');
    await justifyAndConfirm(page, 'E2E: analyst now reviews deals (ticket OPS-11)');
    const changed = page.getByRole('alert').filter({ hasText: 'Role changed' });
    await changed.waitFor();
    await page.waitForTimeout(300); // the notification's enter transition
    await expectClearOfHeader(page, changed);
    await rowFor(page, 'carla@acme.test').getByText('Compliance', { exact: true }).waitFor();
    await shot(page, '04-other-role-changed');
  });

  it('should show actors by name in the audit list and the justification in an entry detail', async () => {
    const { page } = journey.browser;
    await page.getByTestId('nav-audit').click();
    await page.waitForURL('**/audit');
    await applyAuditFilter(page, 'mutation.createUser', 'Allowed');
    const actors = await page.getByTestId('audit-actor').allInnerTexts();
    expect(actors.length).toBe(2);
    for (const actor of actors) {
      expect(actor).toContain(journey.vigil.admin.name);
      expect(actor).toContain(journey.vigil.admin.email);
    }
    await shot(page, '05-audit-names');

    // At 1366 px the six filters sit in two whole rows of three, none alone on a line.
    const tops = await page.getByTestId('audit-filter-fields').evaluate((grid) =>
      Array.from(grid.children)
        .map((field) => field.getBoundingClientRect())
        // A Select keeps a hidden input for forms beside its field: it takes no place in the grid.
        .filter((box) => box.height > 0)
        .map((box) => Math.round(box.top)),
    );
    expect(tops).toHaveLength(6);
    expect(new Set(tops).size).toBe(2);
    expect(tops.filter((top) => top === tops[0])).toHaveLength(3);
    // A resource's name shows in full, not cut off by the column.
    const bobRow = page.getByTestId('audit-row').filter({ hasText: 'Bob Backup' });
    expect(await bobRow.getByTestId('audit-resource').innerText()).toBe('user · Bob Backup');
    expect(await isCut(bobRow.getByTestId('audit-resource'))).toBe(false);

    await page.getByTestId('audit-row').filter({ hasText: 'Bob Backup' }).click();
    const detail = page.getByTestId('audit-entry-detail');
    await detail.waitFor();
    expect(await detail.locator('[data-label="Justification"]').innerText()).toContain(BACKUP_ADMIN_JUSTIFICATION);
    expect(await detail.locator('[data-label="Actor"]').innerText()).toContain(journey.vigil.admin.name);
    await shot(page, '06-audit-justification');
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });
  });

  it("should export a CSV with exactly the rows the screen's filters show", async () => {
    const { page } = journey.browser;
    await applyAuditFilter(page, 'mutation.*', 'Allowed');
    const seqs = await screenSeqs(page);
    // One page holds them all, so the screen shows every row the filter matches.
    expect(seqs.length).toBeGreaterThan(3);
    expect(seqs.length).toBeLessThan(50);
    await shot(page, '07-audit-filtered');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export').click()]);
    const rows = parseCsv(await readFile(await download.path(), 'utf8')).filter((r) => r.some((f) => f !== ''));
    const [header, ...entries] = rows;
    const col = (name: string) => header!.indexOf(name);
    expect(col('seq')).toBeGreaterThanOrEqual(0);
    // The screen lists newest first; the CSV runs in chain order.
    expect(entries.map((r) => r[col('seq')]).sort((a, b) => Number(b) - Number(a))).toEqual(seqs);
    for (const entry of entries) {
      expect(entry[col('action')]).toMatch(/^mutation\./);
      expect(entry[col('outcome')]).toBe('allowed');
    }
    const backup = entries.find((r) => r[col('action')] === 'mutation.createUser' && r[col('resource_name')] === 'Bob Backup');
    expect(backup?.[col('justification')]).toBe(BACKUP_ADMIN_JUSTIFICATION);
    expect(backup?.[col('actor_name')]).toBe(journey.vigil.admin.name);
    await page.getByRole('alert').filter({ hasText: 'Export ready' }).waitFor();
    await shot(page, '08-audit-exported');
  });

  it('should show the failed sign-in for an unknown email as a denied login with the email tried', async () => {
    const { page } = journey.browser;
    await applyAuditFilter(page, 'mutation.login', 'Denied');
    const rows = page.getByTestId('audit-row');
    expect(await rows.count()).toBe(1);
    // Nobody was signed in: the list's actor column says which email was tried.
    expect(await rows.first().getByTestId('audit-actor').innerText()).toContain(UNKNOWN_EMAIL);
    await shot(page, '09-audit-denied-logins');
    await rows.first().click();
    const detail = page.getByTestId('audit-entry-detail');
    await detail.waitFor();
    expect(await detail.locator('[data-label="Action"]').innerText()).toContain('mutation.login');
    expect(await detail.locator('[data-label="Outcome"]').innerText()).toMatch(/denied/i);
    expect(await detail.locator('[data-label="Details"]').innerText()).toContain(UNKNOWN_EMAIL);
    await shot(page, '10-unknown-email-entry');
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });
  });

  it('should fit the audit and users pages in 390 px with the sidebar collapsed behind the burger', async () => {
    const { page } = journey.browser;
    await page.setViewportSize({ width: PHONE_WIDTH, height: 844 });
    try {
      await page.goto(`${journey.vigil.baseUrl}/audit`);
      await page.getByTestId('audit-row').first().waitFor();
      expect(await navOnScreen(page)).toBe(false);
      expect(await page.getByTestId('nav-burger').isVisible()).toBe(true);
      expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE_WIDTH);
      // The header's session badge and user menu are whole, not cut by the narrow bar.
      expect(await page.getByTestId('aal-badge').innerText()).toMatch(/MFA verified/i);
      expect(await isCut(page.getByTestId('aal-badge'))).toBe(false);
      expect(await isCut(page.getByTestId('header-controls'))).toBe(false);
      // Each entry is a card: what was done and whether it was allowed are on screen, not off to
      // the side of a table that scrolls.
      const entry = page.getByTestId('audit-row').first();
      expect(await isCut(entry.getByTestId('audit-outcome'))).toBe(false);
      expect(await entry.innerText()).toMatch(/query\.|mutation\.|login/);
      expect(await isCut(entry.getByTestId('audit-actor'))).toBe(false);
      // The filters fold away behind one line, so the first entry is on the first screen.
      expect(await page.getByTestId('audit-filters-toggle').innerText()).toMatch(/Filters: none/);
      expect(await page.getByTestId('filter-action').isVisible()).toBe(false);
      expect((await entry.boundingBox())!.y).toBeLessThan(844);
      // A card opens its entry from the keyboard too.
      await entry.focus();
      await page.keyboard.press('Enter');
      await page.getByTestId('audit-entry-detail').waitFor();
      await page.keyboard.press('Escape');
      await page.getByTestId('audit-entry-detail').waitFor({ state: 'hidden' });
      await shot(page, '11-audit-390');
      await shot(page, '11b-audit-390-full', true);
      await page.getByTestId('audit-filters-toggle').click();
      await page.getByTestId('filter-action').waitFor();
      await shot(page, '11c-audit-390-filters-unfolded');
      await page.getByTestId('filter-action').fill('query.me');
      await page.keyboard.press('Escape');
      await page.getByTestId('filter-apply').click();
      await page.getByTestId('filter-action').waitFor({ state: 'hidden' });
      await page.waitForFunction(() =>
        Array.from(document.querySelectorAll('[data-testid="audit-row"]')).every((r) => r.textContent?.includes('query.me')),
      );
      expect(await page.getByTestId('audit-filters-toggle').innerText()).toMatch(/Filters: 1 applied/);
      await shot(page, '11d-audit-390-filtered');

      await page.getByTestId('nav-burger').click();
      await page.waitForFunction(() => {
        const nav = document.querySelector('[data-testid="app-nav"]');
        return nav !== null && nav.getBoundingClientRect().left >= 0;
      });
      await shot(page, '12-nav-open-390');
      await page.getByTestId('nav-users').click();
      await page.waitForURL('**/users');
      await page.getByTestId('user-row').first().waitFor();
      await page.waitForFunction(() => {
        const nav = document.querySelector('[data-testid="app-nav"]');
        return nav !== null && nav.getBoundingClientRect().right <= 0;
      });
      expect(await navOnScreen(page)).toBe(false);
      expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE_WIDTH);
      // Each user is a card: role, MFA, status and the actions beside the name, none off to the side.
      const ada = rowFor(page, 'ada.admin@acme.test');
      expect(await ada.innerText()).toMatch(/Admin/);
      for (const part of ['user-mfa', 'user-status', 'user-actions']) expect(await isCut(ada.getByTestId(part))).toBe(false);
      await shot(page, '13-users-390');
    } finally {
      await page.setViewportSize({ width: 1366, height: 860 });
    }
  });

  it('should send a person whose role lost the page they had open to their own landing page when they sign in again', async () => {
    const { page } = journey.browser;
    const carla = await launchBrowser();
    try {
      await signIn(carla.page, journey.vigil.baseUrl, { ...journey.vigil.admin, email: CARLA.email, password: CARLA.password });
      await carla.page.waitForURL('**/choose-password');
      await carla.page.getByTestId('current-password').fill(CARLA.password);
      await carla.page.getByTestId('new-password').fill(CARLA.ownPassword);
      await carla.page.getByTestId('repeat-password').fill(CARLA.ownPassword);
      await carla.page.getByTestId('change-password').click();
      await carla.page.waitForURL((url) => !url.pathname.startsWith('/choose-password'));
      // Compliance reads the audit log: Carla has it open when her role changes.
      await carla.page.getByTestId('nav-audit').click();
      await carla.page.getByTestId('audit-row').first().waitFor();

      await page.goto(`${journey.vigil.baseUrl}/users`);
      await openChangeRole(page, CARLA.email);
      await chooseOption(page, 'change-role-select', 'Viewer');
      await justifyAndConfirm(page, 'E2E: analyst back to read-only (ticket OPS-13)');
      await rowFor(page, CARLA.email).getByText('Viewer', { exact: true }).waitFor();

      // Her session ended with the change: the next request sends her to sign in, remembering /audit.
      await carla.page.reload();
      await carla.page.waitForURL('**/sign-in');
      await carla.page.getByTestId('sign-in-organization').fill(journey.vigil.admin.organization);
      await submitSignIn(carla.page, { email: CARLA.email, password: CARLA.ownPassword });
      // A Viewer cannot read the audit log: she lands on her first page instead of "Access denied".
      await carla.page.waitForURL('**/employees');
      await carla.page.getByTestId('user-menu').getByText('Viewer').waitFor();
      expect(await carla.page.getByTestId('access-denied').count()).toBe(0);
      await shot(carla.page, '13b-role-changed-lands-home');
    } finally {
      await carla.close();
    }
  });

  it('should fill in the organization and email on the sign-in page after an employee accepts an invitation', async () => {
    const { page } = journey.browser;
    await page.goto(`${journey.vigil.baseUrl}/employees`);
    await page.getByTestId('invite-employee').click();
    await page.getByTestId('invite-name').fill('Erin Employee');
    await page.getByTestId('invite-email').fill(ERIN.email);
    await page.getByTestId('invite-department').fill('Equities');
    await justifyAndConfirm(page, 'E2E: new equities trader joins (ticket HR-7)');
    await page.getByTestId('invitation-link').waitFor();
    const link = (await page.getByTestId('invitation-link').innerText()).trim();
    await page.getByTestId('invitation-link-done').click();

    const erin = await launchBrowser();
    try {
      await erin.page.goto(link);
      await submitOnboardingPassword(erin.page, ERIN.password);
      await erin.page.getByTestId('continue-to-sign-in').click();
      await erin.page.waitForURL('**/sign-in?org=acme');
      expect(await erin.page.getByTestId('sign-in-organization').inputValue()).toBe(journey.vigil.admin.organization);
      expect(await erin.page.getByTestId('sign-in-email').inputValue()).toBe(ERIN.email);
      expect(await erin.page.getByTestId('sign-in-notice').innerText()).toMatch(/Your account is ready/);
      await shot(erin.page, '13c-sign-in-prefilled');
      await erin.page.setViewportSize({ width: PHONE_WIDTH, height: 844 });
      expect(await pageWidth(erin.page)).toBeLessThanOrEqual(PHONE_WIDTH);
      await shot(erin.page, '13d-sign-in-prefilled-390');
    } finally {
      await erin.close();
    }
  });

  it('should warn before changing one’s own role, then sign out with the explanation on the sign-in page', async () => {
    const { page } = journey.browser;
    await page.goto(`${journey.vigil.baseUrl}/users`);
    await openChangeRole(page, journey.vigil.admin.email);
    expect(await page.getByTestId('own-role-warning').innerText()).toMatch(/You are changing your own role/);
    await chooseOption(page, 'change-role-select', 'Viewer');
    await shot(page, '14-own-role-warning');
    expect(await page.getByTestId('action-confirm').innerText()).toBe('Change my role and sign out');
    await justifyAndConfirm(page, 'E2E: handing administration over to Bob (ticket OPS-12)');
    await page.waitForURL('**/sign-in');
    const notice = page.getByTestId('sign-in-notice');
    await notice.waitFor();
    expect(await notice.innerText()).toMatch(/Your role was changed to Viewer\. You were signed out/);
    await shot(page, '15-signed-out-explained');

    // The change is real on the server: the next sign-in, from this very page, carries the new role.
    await page.getByTestId('sign-in-organization').fill(journey.vigil.admin.organization);
    await submitSignIn(page, journey.vigil.admin);
    await enterSignInCode(page, mfaSecret);
    await page.getByTestId('user-menu').getByText('Viewer').waitFor();
    const menuLines = (await page.getByTestId('user-menu').innerText()).split('\n').map((l) => l.trim());
    expect(menuLines).toContain('Viewer');
    expect(menuLines).not.toContain('Admin');
    await shot(page, '16-signed-in-as-viewer');
  });
});
