import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchBrowser, screenshot } from '../harness/browser';
import { navLabels, signIn } from '../harness/console';
import { ensureWebBuilt } from '../harness/ensureWebBuilt';
import { type EmbeddedVigil, type StartBanner, startEmbeddedVigil } from '../harness/startBanner';

/** The README's first command, `node scripts/start.mjs`, on embedded defaults (PGlite, in-memory). */
describe('quickstart: node scripts/start.mjs serves the console', () => {
  let started: EmbeddedVigil;
  let browser: Browser;
  let printed: StartBanner;

  beforeAll(async () => {
    await ensureWebBuilt();
    started = await startEmbeddedVigil([], 'quickstart');
    printed = started.printed;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await started?.stop();
  });

  it('should print the console URL on the port it was given', () => {
    expect(new URL(printed.consoleUrl).port).toBe(String(started.port));
  });

  it('should serve the console sign-in page at the printed URL', async () => {
    const { page } = browser;
    await page.goto(printed.consoleUrl);
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await page.getByRole('heading', { name: 'Sign in to Vigil' }).waitFor();
    // The printed link names the organization, so a new user types only the email and password.
    expect(await page.getByTestId('sign-in-organization').inputValue()).toBe(printed.organization);
    await screenshot(page, 'quickstart-sign-in');
  });

  it('should let the printed first admin sign in', async () => {
    const { page } = browser;
    await signIn(page, printed.consoleUrl, printed);
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    expect(await navLabels(page)).toEqual([
      'Users',
      'Roles',
      'Employees',
      'Feed health',
      'Alerts',
      'Audit log',
      'Account & security',
    ]);
    await screenshot(page, 'quickstart-signed-in');
  });
});
