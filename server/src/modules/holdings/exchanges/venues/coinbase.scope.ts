import { isRecord, pick, unknownScope, verdictFrom, type ScopeEvaluation } from '../scope-evaluation';

// GET /api/v3/brokerage/key_permissions. Read-only means can_view && !can_trade && !can_transfer.

const REQUIRED = ['can_view', 'can_trade', 'can_transfer'] as const;

export function evaluateCoinbaseScope(answer: unknown): ScopeEvaluation {
  if (!isRecord(answer)) return unknownScope('the answer is not an object');
  const flags = Object.keys(answer).filter((k) => k.startsWith('can_'));
  const venueAnswer = pick(answer, [...flags, 'portfolio_type', 'portfolio_uuid']);
  for (const flag of [...REQUIRED, ...flags]) {
    if (typeof answer[flag] !== 'boolean') return unknownScope(`${flag} is missing or not a boolean`, venueAnswer);
  }
  if (answer.can_view !== true) return unknownScope('Coinbase says this key cannot view', venueAnswer);
  return verdictFrom(flags.filter((f) => f !== 'can_view' && answer[f] === true).sort(), venueAnswer);
}
