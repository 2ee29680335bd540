import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchBrowser } from '../harness/browser';
import { signIn } from '../harness/console';
import { ensureWebBuilt } from '../harness/ensureWebBuilt';
import { expectNoCellOverflow } from '../harness/layout';
import { numberedShots } from '../harness/screenshots';
import { type EmbeddedVigil, type StartBanner, startEmbeddedVigil } from '../harness/startBanner';
import { WIDE } from '../harness/viewports';

// The README's demo, `node scripts/start.mjs --demo`, in the browser as a newcomer sees it: the
// demo employees on the roster, and one employee's page with everything the simulated exchange
// and chain produced through the real adapters (balances, trades, deposits and withdrawals, wallet
// token transfers), at 1280 and 390 px with nothing cut or sticking out.
const SHOTS_DIR = process.env.E2E_DEMO_SHOTS_DIR ?? '/tmp/demo-shots';
// The demo polls every 15 s; its employees are onboarded a few seconds after start.
const FIRST_POLLS_MS = 60_000;

const shots = numberedShots(SHOTS_DIR, { checkNarrowLayout: true });

describe('the demo in the browser: a first run that shows something', () => {
  let started: EmbeddedVigil;
  let browser: Browser;
  let printed: StartBanner;

  beforeAll(async () => {
    await ensureWebBuilt();
    started = await startEmbeddedVigil(['--demo'], 'demo');
    printed = started.printed;
    browser = await launchBrowser();
    await browser.page.setViewportSize(WIDE);
  });

  afterAll(async () => {
    await browser?.close();
    await started?.stop();
  });

  it('should list the three labelled demo employees with their value', async () => {
    const { page } = browser;
    await signIn(page, printed.consoleUrl, printed);
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await page.getByTestId('nav-employees').click();
    const rows = page.getByTestId('employee-row');
    await expect.poll(() => rows.count(), { timeout: FIRST_POLLS_MS }).toBe(3);
    for (const row of await rows.all()) expect(await row.innerText()).toMatch(/^Demo — /);
    // The roster shows a value once the first polls and prices are in: reloaded until then.
    const value = () => rows.filter({ hasText: 'Ada Lovelace' }).getByTestId('employee-total-value').innerText();
    await expect
      .poll(
        async () => {
          const text = await value();
          if (!text.includes('$')) await page.reload();
          return text;
        },
        { timeout: FIRST_POLLS_MS, interval: 2_000 },
      )
      .toMatch(/^\$[\d,]+\.\d\d/);
    await shots(page, 'demo-employees');
  });

  it("should show an employee's balances, trades, deposits and withdrawals and wallet transfers, nothing cut", async () => {
    const { page } = browser;
    await page.getByTestId('employee-link').filter({ hasText: 'Ada Lovelace' }).click();
    await page.waitForURL('**/employees/*');
    await page.getByTestId('balance-row').filter({ hasText: 'BTC' }).waitFor({ timeout: FIRST_POLLS_MS });
    await page.getByTestId('trade-row').first().waitFor({ timeout: FIRST_POLLS_MS });
    const transfers = page.getByTestId('transfer-row');
    await transfers.filter({ hasText: 'deposit' }).first().waitFor({ timeout: FIRST_POLLS_MS });
    await transfers.filter({ hasText: 'withdrawal' }).first().waitFor();
    // Token transfers in whole tokens with the token's symbol, not raw units.
    const tokenTransfer = page.getByTestId('wallet-transfer-row').first();
    await tokenTransfer.waitFor({ timeout: FIRST_POLLS_MS });
    expect(await tokenTransfer.getByTestId('wallet-transfer-amount').innerText()).toMatch(/^\d+(\.\d+)? DEMOUSD$/);
    await shots(page, 'demo-employee-page');
    await expectNoCellOverflow(page);
  });
});
