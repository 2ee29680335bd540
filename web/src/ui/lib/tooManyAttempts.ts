import { CombinedGraphQLErrors } from '@apollo/client/errors';

/** The seconds a RATE_LIMITED answer asks to wait (its `retryAfterSeconds`), when it says. */
export function retryAfterSecondsOf(error: unknown): number | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  for (const e of error.errors) {
    const seconds = e.extensions?.retryAfterSeconds;
    if (typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0) return Math.ceil(seconds);
  }
  return null;
}

/** "Too many attempts. Try again in 3 minutes." — the wait the server gave, in words. */
export function tooManyAttemptsMessage(error: unknown, what = 'attempts'): string {
  const seconds = retryAfterSecondsOf(error);
  if (seconds === null) return `Too many ${what}. Wait a minute, then try again.`;
  const wait =
    seconds < 60
      ? `${seconds} second${seconds === 1 ? '' : 's'}`
      : `${Math.ceil(seconds / 60)} minute${Math.ceil(seconds / 60) === 1 ? '' : 's'}`;
  return `Too many ${what}. Try again in ${wait}.`;
}
