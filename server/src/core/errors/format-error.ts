import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { AppError, type ErrorCode } from '@/lib/errors/app-error';

const HTTP_STATUS_OF: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  MFA_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
};

function expose(code: ErrorCode): string {
  switch (code) {
    case 'BAD_USER_INPUT':
    case 'UNAUTHENTICATED':
    case 'FORBIDDEN':
    case 'MFA_REQUIRED':
    case 'NOT_FOUND':
    case 'CONFLICT':
    case 'RATE_LIMITED':
      return code;
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}

// Codes Apollo or graphql-js produce for a malformed request; they are the client's fault and
// their messages are safe to show.
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'UNAUTHENTICATED',
]);

/**
 * Whether an error is ours to worry about: not one of our own (AppError), not a client's
 * malformed request, not a validation-phase refusal. These leave as INTERNAL_SERVER_ERROR with a
 * generic message, and the request logs them under its id.
 */
export function isInternalError(error: unknown): boolean {
  const original = unwrapResolverError(error);
  if (original instanceof AppError) return false;
  const code = error instanceof GraphQLError ? error.extensions.code : undefined;
  if (typeof code === 'string' && CLIENT_CODES.has(code)) return false;
  // Validation-phase errors from plugins (depth, cost, aliases) carry no original error.
  if (error instanceof GraphQLError && !error.originalError && !error.path) return false;
  return true;
}

/** The one translation point from thrown errors to what a client sees. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof AppError) {
    return {
      message: original.message,
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: expose(original.code), ...original.details },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && CLIENT_CODES.has(code)) return formatted;
  if (!isInternalError(error)) {
    return { ...formatted, extensions: { ...formatted.extensions, code: code ?? 'BAD_USER_INPUT' } };
  }
  return {
    message: 'Internal server error',
    path: formatted.path,
    locations: formatted.locations,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

export const httpStatusOf = (code: ErrorCode) => HTTP_STATUS_OF[code];
