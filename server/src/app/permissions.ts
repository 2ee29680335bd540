import type { GraphQLSchema } from 'graphql';
import type { IMiddleware, IMiddlewareFieldMap } from 'graphql-middleware';
import { and, deny, shield } from 'graphql-shield';
import { forbidden } from '@/lib/errors/app-error';
import { can, hasMfa, isAnyone, isAuthenticated, isJustified } from './rules';

/** An Admin write: the permission, a second factor, and a written justification (R9, R13). */
const adminWrite = (permission: Parameters<typeof can>[0]) => and(can(permission), hasMfa, isJustified);

/**
 * Every Query and Mutation field has an explicit rule here (a test walks the schema to prove
 * it); a root field without one is denied by the fallback rule.
 */
export const rootRules = {
  Query: {
    me: isAuthenticated,
    users: can('users:read'),
    user: can('users:read'),
    roles: can('roles:read'),
    role: can('roles:read'),
    permissionCatalog: isAuthenticated,
    auditEntries: can('audit:read'),
    auditChainStatus: can('audit:read'),
  },
  Mutation: {
    login: isAnyone,
    logout: isAuthenticated,
    stepUp: isAuthenticated,
    beginMfaEnrollment: isAuthenticated,
    confirmMfaEnrollment: isAuthenticated,
    changePassword: isAuthenticated,
    createUser: adminWrite('users:write'),
    updateUser: adminWrite('users:write'),
    assignRole: and(can('users:write'), adminWrite('roles:write')),
    createRole: adminWrite('roles:write'),
    updateRole: adminWrite('roles:write'),
    deleteRole: adminWrite('roles:write'),
  },
} as const;

/**
 * The shield, applied to the root types only. Object types are reachable only through a root
 * field that its rule allowed, and nothing below a root field decides access, so wrapping each
 * of their fields (hundreds per list response) would cost CPU and decide nothing: measured,
 * it more than doubled the server's CPU per request (BENCHMARKS.md).
 */
export function buildPermissions(schema: GraphQLSchema): IMiddleware {
  const generated = shield(rootRules, {
    fallbackRule: deny,
    allowExternalErrors: true,
    fallbackError: () => forbidden(),
    debug: false,
  }).generate(schema) as Record<string, IMiddlewareFieldMap>;
  return { Query: generated.Query!, Mutation: generated.Mutation! };
}
