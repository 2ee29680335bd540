import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { NARROW, WIDE } from './viewports';

// Layout checks the console journeys make in a real browser: sideways scroll, the collapsed navbar,
// text cut short, notifications over the header.

/** Nothing wider than the viewport, so the page never scrolls sideways. */
export async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

/**
 * At the current width nothing sticks out sideways: the page is no wider than the window (tables
 * scroll inside their card). Names the elements that stick out when some do.
 */
export async function expectNoSidewaysOverflow(page: Page): Promise<void> {
  const sticking = await page.evaluate(() =>
    Array.from(document.querySelectorAll('body *'))
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && el.getClientRects().length > 0)
      .filter((el) => !el.closest('[data-table-scroll], .mantine-ScrollArea-root, .mantine-Table-scrollContainer'))
      .slice(0, 5)
      .map(
        (el) => `${el.tagName.toLowerCase()}.${el.className.toString().slice(0, 60)} "${(el.textContent ?? '').slice(0, 40)}"`,
      ),
  );
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect({ overflow, sticking: overflow > 0 ? sticking : [] }).toEqual({ overflow: 0, sticking: [] });
}

/** The same check at 390 px, back to 1280 px afterwards whatever it finds. */
export async function expectNoSidewaysOverflowWhenNarrow(page: Page): Promise<void> {
  await page.setViewportSize(NARROW);
  try {
    await page.waitForTimeout(300);
    await expectNoSidewaysOverflow(page);
  } finally {
    await page.setViewportSize(WIDE);
  }
}

/**
 * No table cell's content runs out of its cell: with fixed columns an unbreakable number (an
 * 8-decimal amount) overflowed into the next column's text. Nor is a badge in a cell cut to an
 * ellipsis: a status column too narrow showed "ACKNOWLED…". Names the cells when some do.
 */
export async function expectNoCellOverflow(page: Page): Promise<void> {
  const spilling = await page.evaluate(() => {
    const shown = (el: Element) => el.getClientRects().length > 0;
    const cells = Array.from(document.querySelectorAll('td, th'))
      .filter((cell) => shown(cell) && cell.scrollWidth > cell.clientWidth + 1)
      .map(
        (cell) =>
          `${cell.tagName.toLowerCase()} "${(cell.textContent ?? '').slice(0, 40)}" (${cell.scrollWidth} > ${cell.clientWidth} px)`,
      );
    const badges = Array.from(document.querySelectorAll('td .mantine-Badge-label'))
      .filter((label) => shown(label) && label.scrollWidth > label.clientWidth + 1)
      .map((label) => `badge "${label.textContent ?? ''}" cut (${label.scrollWidth} > ${label.clientWidth} px)`);
    return [...cells, ...badges].slice(0, 5);
  });
  expect(spilling).toEqual([]);
}

/** The collapsed navbar sits off-screen to the left (or is hidden). */
export async function navOnScreen(page: Page): Promise<boolean> {
  return page.getByTestId('app-nav').evaluate((nav) => {
    const rect = nav.getBoundingClientRect();
    const style = getComputedStyle(nav);
    return style.display !== 'none' && style.visibility !== 'hidden' && rect.right > 0 && rect.width > 0;
  });
}

/** Whether an element's text is cut (an ellipsis or clipped overflow) rather than shown whole. */
export async function isCut(element: Locator): Promise<boolean> {
  return element.evaluate((el) => {
    const cut = (node: Element) => node.scrollWidth > node.clientWidth + 1;
    return cut(el) || Array.from(el.querySelectorAll('*')).some(cut) || el.getBoundingClientRect().right > window.innerWidth;
  });
}

/** A notification must never lie over the header's controls (MFA badge, user menu with sign-out). */
export async function expectClearOfHeader(page: Page, notification: Locator): Promise<void> {
  const box = await notification.boundingBox();
  const controls = await page.getByTestId('header-controls').boundingBox();
  expect(box).not.toBeNull();
  expect(controls).not.toBeNull();
  const overlaps =
    box!.x < controls!.x + controls!.width &&
    controls!.x < box!.x + box!.width &&
    box!.y < controls!.y + controls!.height &&
    controls!.y < box!.y + box!.height;
  expect(overlaps).toBe(false);
}
