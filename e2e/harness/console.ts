import type { Page } from 'playwright-core';
import type { Credentials } from './startVigil';
import { freshTotp } from './totp';

/** Console steps shared by journeys; selectors are the console's stable test ids. */
export async function signIn(
  page: Page,
  baseUrl: string,
  who: Pick<Credentials, 'organization' | 'email' | 'password'>,
): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByTestId('sign-in-organization').fill(who.organization);
  await page.getByTestId('sign-in-email').fill(who.email);
  await page.getByTestId('sign-in-password').fill(who.password);
  await page.getByTestId('sign-in-submit').click();
}

export async function enterSignInCode(page: Page, secret: string): Promise<void> {
  await page.getByTestId('sign-in-code').fill(await freshTotp(secret));
  await page.getByRole('button', { name: 'Verify' }).click();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await page.waitForURL('**/sign-in');
}

export async function navLabels(page: Page): Promise<string[]> {
  await page.getByTestId('app-nav').waitFor();
  return page.getByTestId('app-nav').locator('a').allInnerTexts();
}

export async function justifyAndConfirm(page: Page, justification: string): Promise<void> {
  await page.getByTestId('justification').fill(justification);
  await page.getByTestId('action-confirm').click();
}

export async function chooseOption(page: Page, selectTestId: string, option: string): Promise<void> {
  await page.getByTestId(selectTestId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}
