import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchBrowser, screenshot } from '../harness/browser';
import { navLabels, signIn } from '../harness/console';
import { ensureWebBuilt } from '../harness/ensureWebBuilt';
import { freePort } from '../harness/freePort';
import { REPO_ROOT } from '../harness/paths';
import { type ServerProcess, startServerProcess } from '../harness/serverProcess';

const START_SCRIPT = path.join(REPO_ROOT, 'scripts', 'start.mjs');

type Printed = { consoleUrl: string; organization: string; email: string; password: string };

/** start.mjs prints "Console:  <url>" and "Sign in:  <email> / <password>" once the server is ready. */
async function waitForBanner(vigil: ServerProcess, timeoutMs = 30_000): Promise<Printed> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const output = vigil.output();
    const consoleUrl = output.match(/Console:\s+(https?:\/\/\S+)/)?.[1];
    const organization = output.match(/Organization:\s+(\S+)/)?.[1];
    const signInLine = output.match(/Sign in:\s+(\S+@\S+)\s+\/\s+(\S+)/);
    if (consoleUrl && organization && signInLine?.[1] && signInLine[2]) {
      return { consoleUrl, organization, email: signInLine[1], password: signInLine[2] };
    }
    if (Date.now() > deadline) throw new Error(`start.mjs printed no console URL and sign-in line:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The README's first command, `node scripts/start.mjs`, on embedded defaults (PGlite, in-memory). */
describe('quickstart: node scripts/start.mjs serves the console', () => {
  let dataDir: string;
  let vigil: ServerProcess;
  let browser: Browser;
  let printed: Printed;
  let port: number;

  beforeAll(async () => {
    // start.mjs builds nothing: the console it serves is whatever web/dist holds.
    await ensureWebBuilt();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'vigil-quickstart-'));
    port = await freePort();
    vigil = await startServerProcess({
      command: 'node',
      args: [START_SCRIPT],
      cwd: REPO_ROOT,
      env: { PORT: String(port), DATA_DIR: dataDir },
      // Embedded defaults only: nothing from the developer's shell may point it at real services.
      unsetEnv: ['DATABASE_URL', 'DATABASE_ADMIN_URL', 'REDIS_URL', 'NODE_ENV', 'JWT_SECRET', 'ENCRYPTION_KEYS', 'HOST'],
      baseUrl: `http://127.0.0.1:${port}`,
      readyPath: '/readyz',
      logName: 'quickstart',
      readyTimeoutMs: 180_000,
    });
    printed = await waitForBanner(vigil);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await vigil?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('should print the console URL on the port it was given', () => {
    expect(new URL(printed.consoleUrl).port).toBe(String(port));
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
