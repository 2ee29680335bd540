// Shared by eslint.layers.js (server) and web/eslint.layers.js (console): no-restricted-imports
// matches the import string, not the resolved path, so "a relative import must not leave this
// folder" is a count of leading `..` per folder depth. Within one flat config a later object's
// no-restricted-imports replaces an earlier one's for the files both match, so every file
// matches exactly one object, which carries all of its folder's patterns.

const DEEPEST = 5; // folder levels below a root listed one by one; deeper ones share one object

/** From a file `depth` folders below a root, `depth + 1` leading `..` segments leave the root. */
const climbsOut = (depth, root, hint) => ({
  regex: `^(?:\\.\\./){${depth}}\\.\\.(?:/|$)`,
  message: `Relative imports stay inside ${root}; ${hint}`,
});

/**
 * One config object per depth below `rootGlob`, each with `patterns` plus the relative-import
 * rule for that depth. `sources`: the file glob ('*.ts', '*.{ts,tsx}').
 */
export function perDepth(rootGlob, rootLabel, patterns, { sources, hint }) {
  const rule = (depth) => ['error', { patterns: [...patterns, climbsOut(depth, rootLabel, hint)] }];
  const exact = Array.from({ length: DEEPEST + 1 }, (_, depth) => ({
    files: [`${rootGlob}/${'*/'.repeat(depth)}${sources}`],
    rules: { 'no-restricted-imports': rule(depth) },
  }));
  // Deeper files share one object: it refuses every climb out, and (an accepted over-reach at such
  // depths) a climb of seven or more levels that stays inside.
  const deeper = {
    files: [`${rootGlob}/${'*/'.repeat(DEEPEST + 1)}**/${sources}`],
    rules: { 'no-restricted-imports': rule(DEEPEST + 1) },
  };
  return [...exact, deeper];
}
