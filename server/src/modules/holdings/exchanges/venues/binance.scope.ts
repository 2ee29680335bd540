import { isRecord, pick, unknownScope, verdictFrom, type ScopeEvaluation } from '../scope-evaluation';

// GET /sapi/v1/account/apiRestrictions. Read-only means enableReading and nothing else:
// every other enable* flag false and permitsUniversalTransfer false.

/** Flags Binance documents; each must be present, so an answer that drops one is 'unknown'. */
const REQUIRED_FLAGS = [
  'enableReading',
  'enableSpotAndMarginTrading',
  'enableWithdrawals',
  'enableInternalTransfer',
  'enableMargin',
  'enableFutures',
  'permitsUniversalTransfer',
] as const;

const KEPT = ['ipRestrict', 'createTime', 'tradingAuthorityExpirationTime'];

export function evaluateBinanceScope(answer: unknown): ScopeEvaluation {
  if (!isRecord(answer)) return unknownScope('the answer is not an object');
  const flags = Object.keys(answer).filter((k) => k.startsWith('enable') || k === 'permitsUniversalTransfer');
  const venueAnswer = pick(answer, [...flags, ...KEPT]);
  for (const flag of [...REQUIRED_FLAGS, ...flags]) {
    if (typeof answer[flag] !== 'boolean') return unknownScope(`${flag} is missing or not a boolean`, venueAnswer);
  }
  if (answer.enableReading !== true) return unknownScope('Binance says this key cannot read', venueAnswer);
  // Any other flag set, known or new, grants more than reading.
  const offending = flags.filter((f) => f !== 'enableReading' && answer[f] === true).sort();
  const expiry = answer.tradingAuthorityExpirationTime;
  const expiresAt = typeof expiry === 'number' && Number.isFinite(expiry) && expiry > 0 ? new Date(expiry) : undefined;
  return verdictFrom(offending, venueAnswer, expiresAt);
}
