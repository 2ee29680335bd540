import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { RootFieldIndex } from './root-field';

// The declared cost of root fields (RootField.cost), added to the cost of the document's shape and
// held to the same budget. Armor's cost limit sees only the shape: thirty aliases of a field that
// walks a whole chain cost it no more than thirty aliases of `me`.

export type DeclaredCost = {
  total: number;
  /** The root fields that carry a declared cost, each with its cost per selection. */
  fields: ReadonlyMap<string, number>;
};

/**
 * The declared costs of an operation's root fields: every alias counts, and so does every spread
 * of a fragment (a spread twice is counted twice, although execution may merge the two: the
 * count errs on the side of refusing). Each fragment is costed once, so a fragment that spreads
 * another twice, nested, costs a walk per fragment rather than one per path.
 */
export function declaredCostOf(
  context: ValidationContext,
  operation: OperationDefinitionNode,
  rootFields: RootFieldIndex,
): DeclaredCost {
  const root = context.getSchema().getRootType(operation.operation)?.name;
  const fields = new Map<string, number>();
  // Fragment name → its cost; NaN while it is being costed (a cycle, which validation refuses anyway).
  const fragments = new Map<string, number>();

  const costOf = (set: SelectionSetNode): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const cost = root ? rootFields.get(`${root}.${selection.name.value}`)?.cost : undefined;
        if (cost) {
          total += cost;
          fields.set(selection.name.value, cost);
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        total += costOf(selection.selectionSet);
      } else {
        total += fragmentCost(selection.name.value);
      }
    }
    return total;
  };

  const fragmentCost = (name: string): number => {
    const known = fragments.get(name);
    if (known !== undefined) return Number.isNaN(known) ? 0 : known;
    const fragment = context.getFragment(name);
    if (!fragment) return 0;
    fragments.set(name, NaN);
    const cost = costOf(fragment.selectionSet);
    fragments.set(name, cost);
    return cost;
  };

  return { total: costOf(operation.selectionSet), fields };
}

export type FieldCostOptions = {
  rootFields: RootFieldIndex;
  maxCost: number;
  /**
   * The cost of the operation's shape as already measured for this validation (armor's cost
   * limit): undefined when not measured (counted as 0), Infinity when that limit already refused
   * the operation (nothing more is reported).
   */
  shapeCostOf?: (context: ValidationContext) => number | undefined;
};

/** Refuses an operation whose shape and declared field costs together exceed the budget. */
export function fieldCostRule({ rootFields, maxCost, shapeCostOf }: FieldCostOptions): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition: {
      // On leave: the shape's cost is measured when its rule enters the same node.
      leave(operation) {
        const shape = shapeCostOf?.(context) ?? 0;
        if (shape === Infinity) return;
        const declared = declaredCostOf(context, operation, rootFields);
        if (declared.total === 0 || shape + declared.total <= maxCost) return;
        const priced = [...declared.fields].map(([name, cost]) => `${name} costs ${cost}`).join(', ');
        context.reportError(
          new GraphQLError(`Query cost limit of ${maxCost} exceeded, found ${Math.ceil(shape + declared.total)} (${priced}).`, {
            nodes: [operation],
            extensions: { code: 'BAD_USER_INPUT' },
          }),
        );
      },
    },
  });
}
