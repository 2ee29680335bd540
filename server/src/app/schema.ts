import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { DateTimeISO } from '@/core/graphql/date-time-scalar';
import { auditRootField, mutationSavepoint } from '@/core/request/root-field-middleware';
import { MODULES } from './modules';
import { ModuleRegistry } from './module-registry';
import { buildPermissions } from './shield';

/** The schema as emitted to schema/schema.graphql: every module's resolvers, no middleware. */
export function buildBareSchema(registry = new ModuleRegistry(MODULES)): Promise<GraphQLSchema> {
  const resolvers = registry.resolvers;
  if (resolvers.length === 0) throw new Error('no module has a resolver');
  return buildSchema({
    // type-graphql takes resolver classes as `Function`s.
    resolvers: resolvers as unknown as NonEmptyArray<() => unknown>,
    validate: false,
    emitSchemaFile: false,
    scalarsMap: [{ type: Date, scalar: DateTimeISO }],
  });
}

/**
 * The executable schema. Middleware order, outermost first: audit (sees every outcome, the
 * shield's refusals included) → shield (deny by default) → a savepoint per mutation field.
 */
export async function buildAppSchema(registry = new ModuleRegistry(MODULES)): Promise<GraphQLSchema> {
  const schema = await buildBareSchema(registry);
  return applyMiddleware(
    schema,
    { Query: auditRootField, Mutation: auditRootField },
    buildPermissions(schema, registry.rootFields),
    { Mutation: mutationSavepoint },
  );
}
