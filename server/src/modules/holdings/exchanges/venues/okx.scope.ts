import { isRecord, pick, splitList, unknownScope, verdictFrom, type ScopeEvaluation } from '../scope-evaluation';

// GET /api/v5/account/config. Read-only means perm is exactly "read_only"; every other entry of
// the comma-separated list (trade, withdraw, or one OKX adds later) is named.

export function evaluateOkxScope(answer: unknown): ScopeEvaluation {
  if (!isRecord(answer) || answer.code !== '0' || !Array.isArray(answer.data))
    return unknownScope('OKX did not answer with code 0 and data');
  const config: unknown = answer.data[0];
  if (answer.data.length !== 1 || !isRecord(config)) return unknownScope('expected exactly one account config');
  const venueAnswer = pick(config, ['perm', 'acctLv', 'label', 'ip', 'roleType', 'type', 'kycLv']);
  if (typeof config.perm !== 'string') return unknownScope('perm is missing', venueAnswer);
  const perms = splitList(config.perm);
  if (!perms.includes('read_only')) {
    return perms.length === 0 ? unknownScope('perm is empty', venueAnswer) : verdictFrom(perms.sort(), venueAnswer);
  }
  return verdictFrom(perms.filter((p) => p !== 'read_only').sort(), venueAnswer);
}
