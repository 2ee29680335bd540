import { badInput } from '@/lib/errors/app-error';
import { textProblem } from '@/lib/text/input-text';

// Keyset cursors: opaque to clients, validated on the way back in. A cursor is base64, so the
// edge's text check (input-text-guard.ts) cannot see inside it: its values are checked here, the
// same way, before they reach SQL — numbers must be safe integers (1e300 or 2^63 would reach a
// bigint cast), strings acceptable text no longer than any key they stand for.
const MAX_CURSOR_STRING = 1000;

export const encodeCursor = (values: readonly (string | number)[]) =>
  Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');

const fits = (value: unknown, type: 'string' | 'number') =>
  type === 'number'
    ? Number.isSafeInteger(value)
    : typeof value === 'string' && textProblem(value, MAX_CURSOR_STRING) === undefined;

export function decodeCursor(cursor: string, shape: readonly ('string' | 'number')[]): (string | number)[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === shape.length && values.every((v, i) => fits(v, shape[i]!))) {
      return values as (string | number)[];
    }
  } catch {
    // fall through
  }
  throw badInput('Invalid cursor', { field: 'after' });
}
