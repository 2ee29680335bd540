import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

export const KNOWN_ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'RATE_LIMITED',
  'MFA_REQUIRED',
  'INTERNAL_SERVER_ERROR',
] as const;

export type ErrorCode = (typeof KNOWN_ERROR_CODES)[number];

function asKnownCode(value: unknown): ErrorCode | null {
  return typeof value === 'string' && (KNOWN_ERROR_CODES as readonly string[]).includes(value) ? (value as ErrorCode) : null;
}

function codeForStatus(status: number): ErrorCode | null {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 429) return 'RATE_LIMITED';
  return null;
}

function codesFromBody(bodyText: string): ErrorCode[] {
  try {
    const body = JSON.parse(bodyText) as { errors?: Array<{ extensions?: { code?: unknown } }> };
    return (body.errors ?? []).map((e) => asKnownCode(e.extensions?.code)).filter((c) => c !== null);
  } catch {
    return [];
  }
}

/** Every error code an Apollo error carries, whether it arrived as GraphQL errors or an HTTP status. */
export function errorCodesOf(error: unknown): ErrorCode[] {
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors.map((e) => asKnownCode(e.extensions?.code) ?? 'INTERNAL_SERVER_ERROR');
  }
  if (ServerError.is(error)) {
    const fromBody = codesFromBody(error.bodyText);
    if (fromBody.length > 0) return fromBody;
    const fromStatus = codeForStatus(error.statusCode);
    return fromStatus ? [fromStatus] : ['INTERNAL_SERVER_ERROR'];
  }
  return [];
}

export function hasErrorCode(error: unknown, code: ErrorCode): boolean {
  return errorCodesOf(error).includes(code);
}

/** The first message a person should read; GraphQL messages are written for people, network ones not. */
export function errorMessageOf(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors[0]?.message ?? 'The request failed.';
  }
  if (ServerError.is(error)) {
    return `The server answered ${error.statusCode}. Try again in a moment.`;
  }
  if (error instanceof Error) {
    return /fetch|network/i.test(error.message)
      ? 'Vigil could not be reached. Check your connection and try again.'
      : error.message;
  }
  return 'The request failed.';
}
