import { defineRootFields } from '@/core/graphql/root-field';
import { adminWrite, can, hasMfa, isAnyone, isAuthenticated } from '@/core/graphql/rules';
import { and } from 'graphql-shield';
import { isSignedInWithOwnPassword } from './auth/password-change-gate';

/**
 * Every root field of identity, once: who may call it (the shield; the fallback for anything
 * not here is deny), what its audit entry names, and which argument names its target. A session
 * that must change its password first may call only `me`, `changePassword` and `logout`.
 */
export const identityFields = defineRootFields({
  Query: {
    me: { rule: isAuthenticated, resource: 'user' },
    users: { rule: can('users:read'), resource: 'user' },
    user: { rule: can('users:read'), resource: 'user', idArg: 'id' },
    roles: { rule: can('roles:read'), resource: 'role' },
    role: { rule: can('roles:read'), resource: 'role', idArg: 'id' },
    permissionCatalog: { rule: isSignedInWithOwnPassword, resource: 'role' },
  },
  Mutation: {
    login: { rule: isAnyone, resource: 'user' },
    logout: { rule: isAuthenticated, resource: 'session' },
    stepUp: { rule: isSignedInWithOwnPassword, resource: 'session' },
    beginMfaEnrollment: { rule: isSignedInWithOwnPassword, resource: 'user' },
    confirmMfaEnrollment: { rule: isSignedInWithOwnPassword, resource: 'user' },
    regenerateRecoveryCodes: { rule: and(isSignedInWithOwnPassword, hasMfa), resource: 'user' },
    changePassword: { rule: isAuthenticated, resource: 'user' },
    createUser: { rule: adminWrite('users:write'), resource: 'user' },
    updateUser: { rule: adminWrite('users:write'), resource: 'user', idArg: 'id' },
    resetUserMfa: { rule: adminWrite('users:write'), resource: 'user', idArg: 'id' },
    assignRole: { rule: and(can('users:write'), adminWrite('roles:write')), resource: 'user', idArg: 'userId' },
    createRole: { rule: adminWrite('roles:write'), resource: 'role' },
    updateRole: { rule: adminWrite('roles:write'), resource: 'role', idArg: 'id' },
    deleteRole: { rule: adminWrite('roles:write'), resource: 'role', idArg: 'id' },
  },
});
