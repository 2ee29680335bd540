import type { GraphQLSchema } from 'graphql';
import type { IMiddleware, IMiddlewareFieldMap } from 'graphql-middleware';
import { deny, shield } from 'graphql-shield';
import { forbidden } from '@/lib/errors/app-error';
import type { RootFieldIndex } from '@/core/graphql/root-field';
import type { ShieldRule } from '@/core/graphql/root-field';

type RuleTree = { Query: Record<string, ShieldRule>; Mutation: Record<string, ShieldRule> };

/** The rules of every declared root field, as graphql-shield takes them. */
export function rootRulesOf(fields: RootFieldIndex): RuleTree {
  const tree: RuleTree = { Query: {}, Mutation: {} };
  for (const [key, field] of fields) {
    const [op, name] = key.split('.') as ['Query' | 'Mutation', string];
    tree[op][name] = field.rule;
  }
  return tree;
}

/**
 * The shield, applied to the root types only, from the modules' root-field declarations; a root
 * field without one is denied by the fallback rule (and a test walks the schema to find it).
 * Object types are reachable only through a root field that its rule allowed, and nothing below
 * a root field decides access, so wrapping each of their fields (hundreds per list response)
 * would cost CPU and decide nothing: measured, it more than doubled the server's CPU per
 * request (BENCHMARKS.md).
 */
export function buildPermissions(schema: GraphQLSchema, fields: RootFieldIndex): IMiddleware {
  const generated = shield(rootRulesOf(fields), {
    fallbackRule: deny,
    allowExternalErrors: true,
    fallbackError: () => forbidden(),
    debug: false,
  }).generate(schema) as Record<string, IMiddlewareFieldMap | undefined>;
  const middleware: Record<string, IMiddlewareFieldMap> = {};
  if (generated.Query) middleware.Query = generated.Query;
  if (generated.Mutation) middleware.Mutation = generated.Mutation;
  return middleware;
}
