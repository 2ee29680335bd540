import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ValidationContext, ValidationRule } from 'graphql';
import type { Env } from '@/config/env';
import { fieldCostRule } from './field-cost';
import type { RootFieldIndex } from './root-field';

export type QueryLimits = { validationRules: ValidationRule[]; plugins: ApolloServerPlugin[] };

type LimitsEnv = Pick<
  Env,
  'GRAPHQL_MAX_DEPTH' | 'GRAPHQL_MAX_ALIASES' | 'GRAPHQL_MAX_COST' | 'GRAPHQL_MAX_DIRECTIVES' | 'GRAPHQL_MAX_TOKENS'
>;

/**
 * Every document's limits, checked before anything runs: depth, aliases, directives and tokens,
 * and one cost budget for the document's shape and its root fields' declared costs.
 *
 * Introspection is held to the same limits. Armor skips `__schema` by default
 * (`ignoreIntrospection`), which let a depth-55 `ofType` chain through; `__Type` is cyclic
 * (`fields { type { fields … } } }`), so a skipped introspection field is an unbounded document.
 * The full introspection query of tools (depth 21, cost ~87,000) is refused as well: the console
 * and its codegen read the committed schema/schema.graphql, never the endpoint.
 */
export function queryLimits(env: LimitsEnv, rootFields: RootFieldIndex): QueryLimits {
  // The shape's cost, as armor measured it for the operation being validated; Infinity: refused.
  const shapeCost = new WeakMap<ValidationContext, number>();
  const armor = new ApolloArmor({
    maxDepth: { n: env.GRAPHQL_MAX_DEPTH, ignoreIntrospection: false },
    maxAliases: { n: env.GRAPHQL_MAX_ALIASES },
    costLimit: {
      maxCost: env.GRAPHQL_MAX_COST,
      ignoreIntrospection: false,
      onAccept: [(ctx: ValidationContext | null, details: { n: number }) => void (ctx && shapeCost.set(ctx, details.n))],
      onReject: [(ctx: ValidationContext | null) => void (ctx && shapeCost.set(ctx, Infinity))],
    },
    maxDirectives: { n: env.GRAPHQL_MAX_DIRECTIVES },
    maxTokens: { n: env.GRAPHQL_MAX_TOKENS },
    blockFieldSuggestion: { enabled: true },
  }).protect();
  const fieldCost = fieldCostRule({
    rootFields,
    maxCost: env.GRAPHQL_MAX_COST,
    shapeCostOf: (ctx) => {
      const cost = shapeCost.get(ctx);
      shapeCost.delete(ctx);
      return cost;
    },
  });
  // After armor's rules: the field-cost rule reads, as it leaves an operation, the shape cost
  // armor's rule measured as it entered it.
  return { validationRules: [...armor.validationRules, fieldCost], plugins: armor.plugins };
}
