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
  await submitSignIn(page, who);
}

/** On the sign-in page already open: the email and password, then submit; the organization stays as it is. */
export async function submitSignIn(page: Page, who: Pick<Credentials, 'email' | 'password'>): Promise<void> {
  await page.getByTestId('sign-in-email').fill(who.email);
  await page.getByTestId('sign-in-password').fill(who.password);
  await page.getByTestId('sign-in-submit').click();
}

/** On the onboarding page an invitation link opens: the new password and its repeat, then submit. */
export async function submitOnboardingPassword(page: Page, password: string, repeat = password): Promise<void> {
  await page.getByTestId('onboarding-password').fill(password);
  await page.getByTestId('onboarding-password-repeat').fill(repeat);
  await page.getByTestId('onboarding-submit').click();
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

/** Opens the new-user form and fills it in with the role's option; the caller writes the justification and confirms. */
export async function fillNewUser(
  page: Page,
  person: { name: string; email: string; password: string },
  role: string,
): Promise<void> {
  await page.getByTestId('new-user').click();
  await page.getByTestId('new-user-name').fill(person.name);
  await page.getByTestId('new-user-email').fill(person.email);
  await chooseOption(page, 'new-user-role', role);
  await page.getByTestId('new-user-password').fill(person.password);
}
