import { isRecord, pick, unknownScope, verdictFrom, type ScopeEvaluation } from '../scope-evaluation';

// POST /0/private/GetApiKeyInfo. Read-only means every permission is a query-* one or
// export-data; anything else (modify-trades, withdraw-funds, deposit-funds, earn-funds, even
// access-websockets, which we have no use for) is named for the employee to untick.

const isReadPermission = (p: string) => p.startsWith('query-') || p === 'export-data';

export function evaluateKrakenScope(answer: unknown): ScopeEvaluation {
  if (!isRecord(answer)) return unknownScope('the answer is not an object');
  if (Array.isArray(answer.error) && answer.error.length > 0) return unknownScope('Kraken answered with an error');
  const result = answer.result;
  if (!isRecord(result)) return unknownScope('the answer has no result');
  const venueAnswer = pick(result, [
    'api_key_name',
    'permissions',
    'valid_until',
    'query_from',
    'query_to',
    'created_time',
    'modified_time',
    'nonce_window',
  ]);
  const permissions = result.permissions;
  if (!Array.isArray(permissions) || permissions.some((p) => typeof p !== 'string'))
    return unknownScope('permissions is missing or not a list of names', venueAnswer);
  if (permissions.length === 0) return unknownScope('Kraken lists no permissions for this key', venueAnswer);
  const offending = (permissions as string[]).filter((p) => !isReadPermission(p)).sort();
  const validUntil = Number(result.valid_until);
  const expiresAt = Number.isFinite(validUntil) && validUntil > 0 ? new Date(validUntil * 1000) : undefined;
  return verdictFrom(offending, venueAnswer, expiresAt);
}
