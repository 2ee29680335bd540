import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { buildSchema } from 'type-graphql';
import { AuditResolver } from '@/modules/audit/audit.resolver';
import { AuthResolver } from '@/modules/auth/auth.resolver';
import { RoleResolver } from '@/modules/roles/role.resolver';
import { UserResolver } from '@/modules/users/user.resolver';
import { DateTimeISO } from './graphql/date-time-scalar';
import { buildPermissions } from './permissions';
import { auditRootField, mutationSavepoint } from './root-field-middleware';

export const RESOLVERS = [AuthResolver, UserResolver, RoleResolver, AuditResolver] as const;

/** The schema as emitted to schema/schema.graphql: type-graphql classes, no middleware. */
export function buildBareSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS,
    validate: false,
    emitSchemaFile: false,
    scalarsMap: [{ type: Date, scalar: DateTimeISO }],
  });
}

/**
 * The executable schema. Middleware order, outermost first: audit (sees every outcome, the
 * shield's refusals included) → shield (deny by default) → a savepoint per mutation field.
 */
export async function buildAppSchema(): Promise<GraphQLSchema> {
  const schema = await buildBareSchema();
  return applyMiddleware(
    schema,
    { Query: auditRootField, Mutation: auditRootField },
    buildPermissions(schema),
    { Mutation: mutationSavepoint },
  );
}
