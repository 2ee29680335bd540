/**
 * A URL- and keyboard-friendly name: lower-case letters, digits and single hyphens inside, 1–63
 * characters (a DNS label's shape, so it can become a subdomain one day).
 */
export const SLUG_PATTERN = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * The slug a name suggests: lower case, runs of anything else made one hyphen, at most 48
 * characters (room for a suffix that tells repeats apart), `fallback` when nothing is left.
 * Migration 0011 derives existing organizations' slugs the same way.
 */
export function slugFrom(name: string, fallback = 'org'): string {
  const base = trimHyphens(trimHyphens(name.toLowerCase().replace(/[^a-z0-9]+/g, '-')).slice(0, 48));
  return base === '' ? fallback : base;
}

const trimHyphens = (s: string) => s.replace(/^-+|-+$/g, '');
