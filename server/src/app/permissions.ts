import { and, allow, deny, shield } from 'graphql-shield';
import { forbidden } from '@/lib/errors/app-error';
import { can, hasMfa, isAnyone, isAuthenticated, isJustified } from './rules';

/** An Admin write: the permission, a second factor, and a written justification (R9, R13). */
const adminWrite = (permission: Parameters<typeof can>[0]) => and(can(permission), hasMfa, isJustified);

/**
 * Every Query and Mutation field has an explicit rule here (a test walks the schema to prove
 * it); anything else is denied. Object types are reachable only through a root field that was
 * allowed, so their fields are open.
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

export const OPEN_OBJECT_TYPES = [
  'Viewer',
  'User',
  'Role',
  'Organization',
  'AuthPayload',
  'MfaEnrollment',
  'PageInfo',
  'UserConnection',
  'AuditEntry',
  'AuditEntryConnection',
  'AuditChainStatus',
] as const;

export function buildPermissions() {
  const types = Object.fromEntries(OPEN_OBJECT_TYPES.map((t) => [t, { '*': allow }]));
  return shield(
    { ...rootRules, ...types },
    { fallbackRule: deny, allowExternalErrors: true, fallbackError: () => forbidden(), debug: false },
  );
}
