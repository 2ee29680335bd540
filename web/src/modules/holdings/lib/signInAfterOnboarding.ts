/** What the sign-in page is handed after onboarding (router state: nothing of it lands in the URL but the org). */
export type SignInHandover = { email: string; notice: string };

export const ACCOUNT_READY_NOTICE = 'Your account is ready. Sign in; next you will connect your exchange keys.';

/** The sign-in page with the organization filled in (`?org=` is what SignInPage reads). */
export function signInPathFor(organization: string): string {
  return `/sign-in?${new URLSearchParams({ org: organization }).toString()}`;
}
