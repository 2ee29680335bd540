import { badInput } from '@/lib/errors/app-error';

// Keyset cursors: opaque to clients, validated on the way back in.
export const encodeCursor = (values: readonly (string | number)[]) =>
  Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');

export function decodeCursor(cursor: string, shape: readonly ('string' | 'number')[]): (string | number)[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === shape.length && values.every((v, i) => typeof v === shape[i])) {
      return values as (string | number)[];
    }
  } catch {
    // fall through
  }
  throw badInput('Invalid cursor', { field: 'after' });
}
