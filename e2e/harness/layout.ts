import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

// Layout checks the console journeys make in a real browser: sideways scroll, the collapsed navbar,
// text cut short, notifications over the header.

/** Nothing wider than the viewport, so the page never scrolls sideways. */
export async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
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
