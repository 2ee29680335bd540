/** What the sign-in form starts with. */
export type SignInPrefill = { organization: string; email: string; notice: string | null };

// Router state is whatever the previous page put there: only short strings are taken from it.
const MAX_EMAIL = 320;
const MAX_NOTICE = 500;

function stringIn(state: unknown, key: string, max: number): string | null {
  if (typeof state !== 'object' || state === null || !(key in state)) return null;
  const value = (state as Record<string, unknown>)[key];
  return typeof value === 'string' && value.trim() !== '' && value.length <= max ? value.trim() : null;
}

/**
 * The form's first values. A link may name the organization (`?org=`), else the last one used on
 * this browser. A page that hands a person over to sign in (onboarding: "your account is ready")
 * puts the email they just set a password for, and what to tell them, in router state: nothing of
 * it lands in the URL or in storage.
 */
export function signInPrefill(search: URLSearchParams, state: unknown, lastOrganization: string): SignInPrefill {
  return {
    organization: search.get('org')?.trim() || lastOrganization,
    email: stringIn(state, 'email', MAX_EMAIL) ?? '',
    notice: stringIn(state, 'notice', MAX_NOTICE),
  };
}
