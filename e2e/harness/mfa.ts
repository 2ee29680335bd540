import type { Page } from 'playwright-core';
import { enterSignInCode, signIn, signOut } from './console';
import type { Credentials } from './startVigil';
import { freshTotp } from './totp';

// MFA steps journeys share: enrolling on the account page, and the sign-in again that reaches a
// session verified with MFA (Admin writes need it).

type Who = Pick<Credentials, 'organization' | 'email' | 'password'>;

/** On the account page: starts enrolment and confirms it with a code from the secret shown as text. Returns the secret. */
export async function enrolMfa(page: Page): Promise<string> {
  await page.getByTestId('mfa-begin').click();
  await page.getByTestId('mfa-qr').waitFor();
  const secret = (await page.getByTestId('mfa-secret').innerText()).trim();
  await page.getByTestId('mfa-code').fill(await freshTotp(secret));
  await page.getByTestId('mfa-confirm').click();
  return secret;
}

/** Signs out and in again, answering the code step. */
export async function signInAgainWithCode(page: Page, baseUrl: string, who: Who, secret: string): Promise<void> {
  await signOut(page);
  await signIn(page, baseUrl, who);
  await enterSignInCode(page, secret);
}

/**
 * From any page of a signed-in admin: enrols in MFA (storing the recovery codes when offered) and
 * signs in again with a code, back on the admin's first page. Returns the secret.
 */
export async function enrolAdminInMfaAndSignInAgain(page: Page, baseUrl: string, admin: Who): Promise<string> {
  await page.getByTestId('nav-account').click();
  const secret = await enrolMfa(page);
  await page.getByTestId('mfa-status').getByText('Enabled').waitFor();
  const recovery = page.getByTestId('recovery-codes-done');
  if (await recovery.isVisible()) await recovery.click();
  await signInAgainWithCode(page, baseUrl, admin, secret);
  await page.waitForURL('**/users');
  return secret;
}
