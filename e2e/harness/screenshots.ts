import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expectNoSidewaysOverflow } from './layout';
import { NARROW, WIDE } from './viewports';

/** Takes one numbered shot of a page: `name`, and whether to take the 390 px one too (default yes). */
export type Shots = (page: Page, name: string, narrowToo?: boolean) => Promise<void>;

/**
 * Screenshots of a journey to be looked at, numbered in the order taken (01-…, 02-…) in `dir`: one
 * at 1280 px and, when asked, one at 390 px, full page so nothing hides below the fold. With
 * `checkNarrowLayout`, each 390 px shot also fails the journey when anything sticks out sideways.
 */
export function numberedShots(dir: string, options: { checkNarrowLayout?: boolean } = {}): Shots {
  let shotNumber = 0;
  return async (page, name, narrowToo = true) => {
    await mkdir(dir, { recursive: true });
    const prefix = String(++shotNumber).padStart(2, '0');
    await page.waitForTimeout(400); // dialogs and notifications finish their enter transitions
    await page.screenshot({ path: path.join(dir, `${prefix}-${name}-${WIDE.width}.png`), fullPage: true });
    if (!narrowToo) return;
    await page.setViewportSize(NARROW);
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(dir, `${prefix}-${name}-${NARROW.width}.png`), fullPage: true });
    if (options.checkNarrowLayout) await expectNoSidewaysOverflow(page);
    await page.setViewportSize(WIDE);
    await page.waitForTimeout(200);
  };
}
