import { defineRootFields } from '@/core/graphql/root-field';
import { adminWrite, can, isAnyone, isAuthenticated } from '@/core/graphql/rules';
import { and } from 'graphql-shield';

/**
 * Every root field of identity, once: who may call it (the shield; the fallback for anything
 * not here is deny), what its audit entry names, and which argument names its target.
 */
export const identityFields = defineRootFields({
  Query: {
    me: { rule: isAuthenticated, resource: 'user' },
    users: { rule: can('users:read'), resource: 'user' },
    user: { rule: can('users:read'), resource: 'user', idArg: 'id' },
    roles: { rule: can('roles:read'), resource: 'role' },
    role: { rule: can('roles:read'), resource: 'role', idArg: 'id' },
    permissionCatalog: { rule: isAuthenticated, resource: 'role' },
  },
  Mutation: {
    login: { rule: isAnyone, resource: 'user' },
    logout: { rule: isAuthenticated, resource: 'session' },
    stepUp: { rule: isAuthenticated, resource: 'session' },
    beginMfaEnrollment: { rule: isAuthenticated, resource: 'user' },
    confirmMfaEnrollment: { rule: isAuthenticated, resource: 'user' },
    changePassword: { rule: isAuthenticated, resource: 'user' },
    createUser: { rule: adminWrite('users:write'), resource: 'user' },
    updateUser: { rule: adminWrite('users:write'), resource: 'user', idArg: 'id' },
    assignRole: { rule: and(can('users:write'), adminWrite('roles:write')), resource: 'user', idArg: 'userId' },
    createRole: { rule: adminWrite('roles:write'), resource: 'role' },
    updateRole: { rule: adminWrite('roles:write'), resource: 'role', idArg: 'id' },
    deleteRole: { rule: adminWrite('roles:write'), resource: 'role', idArg: 'id' },
  },
});
