import { isRecord, pick, unknownScope, verdictFrom, type ScopeEvaluation } from '../scope-evaluation';

// GET /v5/user/query-api. Read-only means readOnly == 1 and no Wallet permission (a read-only
// key may still be allowed to transfer between accounts). The answer carries the API key
// itself: only the fields below are kept.

const KEPT = [
  'readOnly',
  'permissions',
  'ips',
  'type',
  'deadlineDay',
  'expiredAt',
  'createdAt',
  'unified',
  'uta',
  'isMaster',
  'note',
];

function permissionGroups(value: unknown): Record<string, string[]> | undefined {
  if (!isRecord(value)) return undefined;
  const groups: Record<string, string[]> = {};
  for (const [group, list] of Object.entries(value)) {
    if (!Array.isArray(list) || list.some((p) => typeof p !== 'string')) return undefined;
    groups[group] = list as string[];
  }
  return groups;
}

function expiryOf(result: Record<string, unknown>, now: number): Date | undefined {
  if (typeof result.expiredAt === 'string' && result.expiredAt !== '' && !Number.isNaN(Date.parse(result.expiredAt)))
    return new Date(result.expiredAt);
  if (typeof result.deadlineDay === 'number' && result.deadlineDay > 0) return new Date(now + result.deadlineDay * 86_400_000);
  return undefined;
}

export function evaluateBybitScope(answer: unknown, now = Date.now()): ScopeEvaluation {
  if (!isRecord(answer) || answer.retCode !== 0 || !isRecord(answer.result))
    return unknownScope('Bybit did not answer with retCode 0 and a result');
  const result = answer.result;
  const venueAnswer = pick(result, KEPT);
  if (result.readOnly !== 0 && result.readOnly !== 1) return unknownScope('readOnly is missing or not 0/1', venueAnswer);
  const groups = permissionGroups(result.permissions);
  if (groups === undefined) return unknownScope('permissions is missing or malformed', venueAnswer);
  const offending = [
    ...(result.readOnly === 0 ? ['Read-Write'] : []),
    ...(groups.Wallet ?? []).map((p) => `Wallet: ${p}`),
    // With Read-Write, every granted group item can act; name them so the employee knows.
    ...(result.readOnly === 0
      ? Object.entries(groups)
          .filter(([g]) => g !== 'Wallet')
          .flatMap(([g, ps]) => ps.map((p) => `${g}: ${p}`))
      : []),
  ];
  return verdictFrom(offending, venueAnswer, expiryOf(result, now));
}
