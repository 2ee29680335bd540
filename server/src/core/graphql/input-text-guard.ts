import type { ApolloServerPlugin } from '@apollo/server';
import { BREAK, GraphQLError, visit, type DocumentNode } from 'graphql';
import { describeTextProblem, findBadText, textProblem, type BadText } from '@/lib/text/input-text';

/**
 * Refuses, before any field runs, an operation that carries a string no field may accept (NUL, a
 * lone surrogate, longer than `maxLength`: lib/text/input-text.ts), in its variables or in the
 * string literals of its document: BAD_USER_INPUT, HTTP 400, naming where. One check for every
 * argument of every field, present and future, instead of one per field.
 */
export function inputTextGuard(maxLength: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, source, document }) {
          const bad = findBadText(request.variables ?? {}, maxLength, '$') ?? badLiteral(document, source, maxLength);
          if (!bad) return;
          throw new GraphQLError(`Invalid text in ${bad.path}: it ${describeTextProblem(bad.problem, maxLength)}`, {
            extensions: { code: 'BAD_USER_INPUT', field: bad.path, http: { status: 400 } },
          });
        },
      };
    },
  };
}

/**
 * A literal can hold U+0000 only through an escape (`\u0000`, `\u{0}`), and can exceed the limit
 * only in a document longer than it; the lexer itself refuses lone surrogates. Most documents
 * have neither, and skip the walk.
 */
function badLiteral(document: DocumentNode, source: string, maxLength: number): BadText | undefined {
  if (source.length <= maxLength && !source.includes('\\u')) return undefined;
  let found: BadText | undefined;
  visit(document, {
    StringValue(node) {
      const problem = textProblem(node.value, maxLength);
      if (!problem) return undefined;
      const at = node.loc ? ` at ${node.loc.startToken.line}:${node.loc.startToken.column}` : '';
      found = { path: `the string literal${at}`, problem };
      return BREAK;
    },
  });
  return found;
}
