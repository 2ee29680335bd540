import { isRecord, pick, unknownScope, verdictFrom, type ScopeEvaluation } from '../scope-evaluation';

// POST /v1/roles. Read-only means the Auditor role only: isAuditor true, every other is* false.

const REQUIRED = ['isAuditor', 'isTrader', 'isFundManager'] as const;

export function evaluateGeminiScope(answer: unknown): ScopeEvaluation {
  if (!isRecord(answer)) return unknownScope('the answer is not an object');
  const roles = Object.keys(answer).filter((k) => /^is[A-Z]/.test(k));
  const venueAnswer = pick(answer, roles);
  for (const role of [...REQUIRED, ...roles]) {
    if (typeof answer[role] !== 'boolean') return unknownScope(`${role} is missing or not a boolean`, venueAnswer);
  }
  if (answer.isAuditor !== true) {
    const granted = roles.filter((r) => answer[r] === true).sort();
    return granted.length === 0
      ? unknownScope('Gemini lists no role for this key', venueAnswer)
      : verdictFrom(granted, venueAnswer);
  }
  return verdictFrom(roles.filter((r) => r !== 'isAuditor' && answer[r] === true).sort(), venueAnswer);
}
