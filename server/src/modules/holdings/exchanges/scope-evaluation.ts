import type { JsonValue } from './exchange-adapter';

// Shared by the venues' pure scope rules (venues/<venue>.scope.ts).
//
// Policy for odd answers, the same at every venue:
// - a required field missing or of the wrong type -> 'unknown' (we could not tell; never safe);
// - a permission we do not know, granted -> 'too_broad', named: the venue says the key can do
//   something beyond reading, and naming it tells the employee what to turn off;
// - fields we do not know that grant nothing (labels, ids) are ignored.

export type ScopeEvaluation = {
  verdict: 'read_only' | 'too_broad' | 'unknown';
  offending: string[];
  /** Only whitelisted fields of the answer: a permission answer may carry the key itself. */
  venueAnswer: JsonValue;
  expiresAt?: Date;
  /** Why 'unknown'. */
  reason?: string;
};

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function jsonSafe(value: unknown): JsonValue | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (Array.isArray(value)) return value.map((v) => jsonSafe(v) ?? null);
  if (isRecord(value)) {
    const entries = Object.entries(value).flatMap(([k, v]) => {
      const safe = jsonSafe(v);
      return safe === undefined ? [] : [[k, safe] as const];
    });
    return Object.fromEntries(entries);
  }
  return undefined;
}

/** The named fields of an object answer, JSON-safe, nothing else. */
export function pick(source: unknown, keys: readonly string[]): JsonValue {
  if (!isRecord(source)) return null;
  const out: Record<string, JsonValue> = {};
  for (const key of keys) {
    const safe = jsonSafe(source[key]);
    if (safe !== undefined) out[key] = safe;
  }
  return out;
}

export function unknownScope(reason: string, venueAnswer: JsonValue = null): ScopeEvaluation {
  return { verdict: 'unknown', offending: [], venueAnswer, reason };
}

export function verdictFrom(offending: string[], venueAnswer: JsonValue, expiresAt?: Date): ScopeEvaluation {
  return {
    verdict: offending.length === 0 ? 'read_only' : 'too_broad',
    offending,
    venueAnswer,
    ...(expiresAt !== undefined ? { expiresAt } : {}),
  };
}

/** A comma-separated permission list ("read_only,trade") as trimmed, non-empty names. */
export function splitList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
