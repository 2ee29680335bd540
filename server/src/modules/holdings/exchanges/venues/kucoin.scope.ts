import { isRecord, pick, splitList, unknownScope, verdictFrom, type ScopeEvaluation } from '../scope-evaluation';

// GET /api/v1/user/api-key. Read-only means permission is exactly "General"; every other entry
// (Spot, Margin, Futures, Withdrawal, InnerTransfer, Earn, or one KuCoin adds later) is named.
// The answer carries the API key: only the fields below are kept.

export function evaluateKucoinScope(answer: unknown): ScopeEvaluation {
  if (!isRecord(answer) || answer.code !== '200000' || !isRecord(answer.data))
    return unknownScope('KuCoin did not answer with code 200000 and data');
  const data = answer.data;
  const venueAnswer = pick(data, ['permission', 'remark', 'apiVersion', 'ipWhitelist', 'createdAt', 'isMaster']);
  if (typeof data.permission !== 'string') return unknownScope('permission is missing', venueAnswer);
  const permissions = splitList(data.permission);
  if (permissions.length === 0) return unknownScope('permission is empty', venueAnswer);
  return verdictFrom(permissions.filter((p) => p !== 'General').sort(), venueAnswer);
}
