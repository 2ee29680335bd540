import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { errorMessageOf, hasErrorCode } from '@/ui/lib/errorCodes';

/** What went wrong when connecting a key, in the terms the connect page acts on. */
export type ConnectFailure =
  /** The key can do more than read: name what to turn off, ask for a new key. */
  | { kind: 'too_broad'; offending: string[]; message: string }
  /** The venue's permission check failed: nothing was stored, try again. */
  | { kind: 'scope_unknown'; message: string }
  | { kind: 'key_refused'; message: string }
  | { kind: 'rate_limited'; message: string }
  | { kind: 'forbidden'; message: string }
  | { kind: 'other'; message: string };

type Extensions = { reason?: unknown; offending?: unknown };

function extensionsOf(error: unknown): Extensions {
  if (!CombinedGraphQLErrors.is(error)) return {};
  return (error.errors[0]?.extensions ?? {}) as Extensions;
}

const stringsOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

export const COULD_NOT_VERIFY =
  'Vigil could not verify what this key is allowed to do, so nothing was stored. Try again in a minute; if it keeps failing, the venue may be having trouble.';

/** One place that turns a connectExchange error into what the page shows. */
export function connectFailureOf(error: unknown): ConnectFailure {
  const { reason, offending } = extensionsOf(error);
  const message = errorMessageOf(error);
  switch (reason) {
    case 'KEY_TOO_BROAD':
      return { kind: 'too_broad', offending: stringsOf(offending), message };
    case 'SCOPE_UNKNOWN':
      return { kind: 'scope_unknown', message: COULD_NOT_VERIFY };
    case 'KEY_REFUSED':
      return { kind: 'key_refused', message };
    case 'VENUE_RATE_LIMITED':
      return { kind: 'rate_limited', message };
    default:
      break;
  }
  if (hasErrorCode(error, 'FORBIDDEN')) {
    return {
      kind: 'forbidden',
      message: `${message}. Only an employee connects its own keys, and only over HTTPS.`.replace('..', '.'),
    };
  }
  return { kind: 'other', message };
}

/** Whether the form must forget the key it sent: a key that was too broad is never to be re-used. */
export function mustDiscardKey(failure: ConnectFailure): boolean {
  return failure.kind === 'too_broad' || failure.kind === 'key_refused';
}
