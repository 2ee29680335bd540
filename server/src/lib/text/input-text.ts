// What a client may send as text, checked once at the edge (GraphQL variables and literals, REST
// query strings) so that no field needs to remember it:
// - U+0000: PostgreSQL refuses it in text and jsonb, so it would fail the statement (a 500);
// - a lone UTF-16 surrogate: not Unicode text; the driver would store U+FFFD instead, silently
//   changing what was sent;
// - a string longer than the deployment's limit: every field has a tighter limit of its own, this
//   one bounds what reaches a field that forgot one.

export type TextProblem = 'nul' | 'lone_surrogate' | 'too_long';

type Es2024String = string & { isWellFormed(): boolean };

/** Why `value` is not acceptable text input, or undefined when it is. */
export function textProblem(value: string, maxLength: number): TextProblem | undefined {
  if (value.length > maxLength) return 'too_long';
  if (value.includes('\u0000')) return 'nul';
  if (!(value as Es2024String).isWellFormed()) return 'lone_surrogate';
  return undefined;
}

export function describeTextProblem(problem: TextProblem, maxLength: number): string {
  switch (problem) {
    case 'nul':
      return 'contains the NUL character (U+0000), which no text accepts';
    case 'lone_surrogate':
      return 'contains a lone UTF-16 surrogate, which is not Unicode text';
    case 'too_long':
      return `is longer than ${maxLength} characters`;
    default: {
      const unreachable: never = problem;
      return unreachable;
    }
  }
}

export type BadText = { path: string; problem: TextProblem };

/**
 * The first string in a JSON value (strings, arrays, objects, and object keys) that is not
 * acceptable text, with its path (`input.email`, `ids[2]`). Walked with an explicit stack: a
 * client chooses the nesting depth.
 */
export function findBadText(value: unknown, maxLength: number, rootPath = ''): BadText | undefined {
  const stack: [unknown, string][] = [[value, rootPath]];
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      const problem = textProblem(v, maxLength);
      if (problem) return { path, problem };
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${path}[${i}]`]);
    } else if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, item] = entries[i]!;
        // A bad key is not echoed back in the path.
        const problem = textProblem(key, maxLength);
        if (problem) return { path: path ? `${path}.*` : '*', problem };
        stack.push([item, path ? `${path}.${key}` : key]);
      }
    }
  }
  return undefined;
}
