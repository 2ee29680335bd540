/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation ChangePassword($input: ChangePasswordInput!) {\n  changePassword(input: $input) {\n    ...AuthPayloadFields\n  }\n}": typeof types.ChangePasswordDocument,
    "query AuditChainStatus {\n  auditChainStatus {\n    valid\n    checkedEntries\n    headSeq\n    firstInvalidSeq\n    reason\n    pendingEntries\n    chainDelayMs\n    verifiedAt\n  }\n}": typeof types.AuditChainStatusDocument,
    "query AuditEntries($filter: AuditFilter, $first: Int!, $after: String) {\n  auditEntries(filter: $filter, first: $first, after: $after) {\n    nodes {\n      id\n      seq\n      at\n      actorType\n      actorId\n      actorRole\n      systemSource\n      action\n      resourceType\n      resourceId\n      dealId\n      ipAddress\n      outcome\n      details\n      justification\n      hash\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.AuditEntriesDocument,
    "query AuditUserNames {\n  users(first: 200) {\n    nodes {\n      id\n      name\n    }\n  }\n}\n\nquery AuditRoleNames {\n  roles {\n    id\n    name\n  }\n}": typeof types.AuditUserNamesDocument,
    "mutation BeginMfaEnrollment {\n  beginMfaEnrollment {\n    secret\n    otpauthUrl\n    qrCodeDataUrl\n  }\n}": typeof types.BeginMfaEnrollmentDocument,
    "mutation ConfirmMfaEnrollment($code: String!) {\n  confirmMfaEnrollment(code: $code) {\n    ...AuthPayloadFields\n  }\n}": typeof types.ConfirmMfaEnrollmentDocument,
    "mutation Login($input: LoginInput!) {\n  login(input: $input) {\n    ...AuthPayloadFields\n  }\n}": typeof types.LoginDocument,
    "mutation Logout {\n  logout\n}": typeof types.LogoutDocument,
    "query Me {\n  me {\n    ...ViewerFields\n  }\n}": typeof types.MeDocument,
    "mutation StepUp($code: String!) {\n  stepUp(code: $code) {\n    ...AuthPayloadFields\n  }\n}": typeof types.StepUpDocument,
    "fragment ViewerFields on Viewer {\n  permissions\n  aal\n  mfaVerifiedAt\n  sessionExpiresAt\n  organization {\n    id\n    name\n    slug\n  }\n  user {\n    id\n    email\n    name\n    mfaEnabled\n    disabled\n    role {\n      id\n      name\n    }\n  }\n}\n\nfragment AuthPayloadFields on AuthPayload {\n  token\n  expiresAt\n  aal\n  mfaRequired\n  viewer {\n    ...ViewerFields\n  }\n}": typeof types.ViewerFieldsFragmentDoc,
    "mutation CreateRole($input: CreateRoleInput!, $justification: String!) {\n  createRole(input: $input, justification: $justification) {\n    ...RoleFields\n  }\n}": typeof types.CreateRoleDocument,
    "mutation DeleteRole($id: ID!, $justification: String!) {\n  deleteRole(id: $id, justification: $justification)\n}": typeof types.DeleteRoleDocument,
    "fragment RoleFields on Role {\n  id\n  name\n  description\n  permissions\n  builtIn\n  userCount\n}": typeof types.RoleFieldsFragmentDoc,
    "query Roles {\n  roles {\n    ...RoleFields\n  }\n  permissionCatalog\n}": typeof types.RolesDocument,
    "mutation UpdateRole($id: ID!, $input: UpdateRoleInput!, $justification: String!) {\n  updateRole(id: $id, input: $input, justification: $justification) {\n    ...RoleFields\n  }\n}": typeof types.UpdateRoleDocument,
    "mutation AssignRole($userId: ID!, $roleId: ID!, $justification: String!) {\n  assignRole(userId: $userId, roleId: $roleId, justification: $justification) {\n    ...UserRowFields\n  }\n}": typeof types.AssignRoleDocument,
    "mutation CreateUser($input: CreateUserInput!, $justification: String!) {\n  createUser(input: $input, justification: $justification) {\n    ...UserRowFields\n  }\n}": typeof types.CreateUserDocument,
    "query RoleOptions {\n  roles {\n    id\n    name\n    builtIn\n  }\n}": typeof types.RoleOptionsDocument,
    "mutation UpdateUser($id: ID!, $input: UpdateUserInput!, $justification: String!) {\n  updateUser(id: $id, input: $input, justification: $justification) {\n    ...UserRowFields\n  }\n}": typeof types.UpdateUserDocument,
    "fragment UserRowFields on User {\n  id\n  email\n  name\n  disabled\n  mfaEnabled\n  createdAt\n  role {\n    id\n    name\n    builtIn\n  }\n}": typeof types.UserRowFieldsFragmentDoc,
    "query Users($first: Int!, $after: String, $search: String) {\n  users(first: $first, after: $after, search: $search) {\n    nodes {\n      ...UserRowFields\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.UsersDocument,
};
const documents: Documents = {
    "mutation ChangePassword($input: ChangePasswordInput!) {\n  changePassword(input: $input) {\n    ...AuthPayloadFields\n  }\n}": types.ChangePasswordDocument,
    "query AuditChainStatus {\n  auditChainStatus {\n    valid\n    checkedEntries\n    headSeq\n    firstInvalidSeq\n    reason\n    pendingEntries\n    chainDelayMs\n    verifiedAt\n  }\n}": types.AuditChainStatusDocument,
    "query AuditEntries($filter: AuditFilter, $first: Int!, $after: String) {\n  auditEntries(filter: $filter, first: $first, after: $after) {\n    nodes {\n      id\n      seq\n      at\n      actorType\n      actorId\n      actorRole\n      systemSource\n      action\n      resourceType\n      resourceId\n      dealId\n      ipAddress\n      outcome\n      details\n      justification\n      hash\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.AuditEntriesDocument,
    "query AuditUserNames {\n  users(first: 200) {\n    nodes {\n      id\n      name\n    }\n  }\n}\n\nquery AuditRoleNames {\n  roles {\n    id\n    name\n  }\n}": types.AuditUserNamesDocument,
    "mutation BeginMfaEnrollment {\n  beginMfaEnrollment {\n    secret\n    otpauthUrl\n    qrCodeDataUrl\n  }\n}": types.BeginMfaEnrollmentDocument,
    "mutation ConfirmMfaEnrollment($code: String!) {\n  confirmMfaEnrollment(code: $code) {\n    ...AuthPayloadFields\n  }\n}": types.ConfirmMfaEnrollmentDocument,
    "mutation Login($input: LoginInput!) {\n  login(input: $input) {\n    ...AuthPayloadFields\n  }\n}": types.LoginDocument,
    "mutation Logout {\n  logout\n}": types.LogoutDocument,
    "query Me {\n  me {\n    ...ViewerFields\n  }\n}": types.MeDocument,
    "mutation StepUp($code: String!) {\n  stepUp(code: $code) {\n    ...AuthPayloadFields\n  }\n}": types.StepUpDocument,
    "fragment ViewerFields on Viewer {\n  permissions\n  aal\n  mfaVerifiedAt\n  sessionExpiresAt\n  organization {\n    id\n    name\n    slug\n  }\n  user {\n    id\n    email\n    name\n    mfaEnabled\n    disabled\n    role {\n      id\n      name\n    }\n  }\n}\n\nfragment AuthPayloadFields on AuthPayload {\n  token\n  expiresAt\n  aal\n  mfaRequired\n  viewer {\n    ...ViewerFields\n  }\n}": types.ViewerFieldsFragmentDoc,
    "mutation CreateRole($input: CreateRoleInput!, $justification: String!) {\n  createRole(input: $input, justification: $justification) {\n    ...RoleFields\n  }\n}": types.CreateRoleDocument,
    "mutation DeleteRole($id: ID!, $justification: String!) {\n  deleteRole(id: $id, justification: $justification)\n}": types.DeleteRoleDocument,
    "fragment RoleFields on Role {\n  id\n  name\n  description\n  permissions\n  builtIn\n  userCount\n}": types.RoleFieldsFragmentDoc,
    "query Roles {\n  roles {\n    ...RoleFields\n  }\n  permissionCatalog\n}": types.RolesDocument,
    "mutation UpdateRole($id: ID!, $input: UpdateRoleInput!, $justification: String!) {\n  updateRole(id: $id, input: $input, justification: $justification) {\n    ...RoleFields\n  }\n}": types.UpdateRoleDocument,
    "mutation AssignRole($userId: ID!, $roleId: ID!, $justification: String!) {\n  assignRole(userId: $userId, roleId: $roleId, justification: $justification) {\n    ...UserRowFields\n  }\n}": types.AssignRoleDocument,
    "mutation CreateUser($input: CreateUserInput!, $justification: String!) {\n  createUser(input: $input, justification: $justification) {\n    ...UserRowFields\n  }\n}": types.CreateUserDocument,
    "query RoleOptions {\n  roles {\n    id\n    name\n    builtIn\n  }\n}": types.RoleOptionsDocument,
    "mutation UpdateUser($id: ID!, $input: UpdateUserInput!, $justification: String!) {\n  updateUser(id: $id, input: $input, justification: $justification) {\n    ...UserRowFields\n  }\n}": types.UpdateUserDocument,
    "fragment UserRowFields on User {\n  id\n  email\n  name\n  disabled\n  mfaEnabled\n  createdAt\n  role {\n    id\n    name\n    builtIn\n  }\n}": types.UserRowFieldsFragmentDoc,
    "query Users($first: Int!, $after: String, $search: String) {\n  users(first: $first, after: $after, search: $search) {\n    nodes {\n      ...UserRowFields\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.UsersDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ChangePassword($input: ChangePasswordInput!) {\n  changePassword(input: $input) {\n    ...AuthPayloadFields\n  }\n}"): (typeof documents)["mutation ChangePassword($input: ChangePasswordInput!) {\n  changePassword(input: $input) {\n    ...AuthPayloadFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AuditChainStatus {\n  auditChainStatus {\n    valid\n    checkedEntries\n    headSeq\n    firstInvalidSeq\n    reason\n    pendingEntries\n    chainDelayMs\n    verifiedAt\n  }\n}"): (typeof documents)["query AuditChainStatus {\n  auditChainStatus {\n    valid\n    checkedEntries\n    headSeq\n    firstInvalidSeq\n    reason\n    pendingEntries\n    chainDelayMs\n    verifiedAt\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AuditEntries($filter: AuditFilter, $first: Int!, $after: String) {\n  auditEntries(filter: $filter, first: $first, after: $after) {\n    nodes {\n      id\n      seq\n      at\n      actorType\n      actorId\n      actorRole\n      systemSource\n      action\n      resourceType\n      resourceId\n      dealId\n      ipAddress\n      outcome\n      details\n      justification\n      hash\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): (typeof documents)["query AuditEntries($filter: AuditFilter, $first: Int!, $after: String) {\n  auditEntries(filter: $filter, first: $first, after: $after) {\n    nodes {\n      id\n      seq\n      at\n      actorType\n      actorId\n      actorRole\n      systemSource\n      action\n      resourceType\n      resourceId\n      dealId\n      ipAddress\n      outcome\n      details\n      justification\n      hash\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AuditUserNames {\n  users(first: 200) {\n    nodes {\n      id\n      name\n    }\n  }\n}\n\nquery AuditRoleNames {\n  roles {\n    id\n    name\n  }\n}"): (typeof documents)["query AuditUserNames {\n  users(first: 200) {\n    nodes {\n      id\n      name\n    }\n  }\n}\n\nquery AuditRoleNames {\n  roles {\n    id\n    name\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation BeginMfaEnrollment {\n  beginMfaEnrollment {\n    secret\n    otpauthUrl\n    qrCodeDataUrl\n  }\n}"): (typeof documents)["mutation BeginMfaEnrollment {\n  beginMfaEnrollment {\n    secret\n    otpauthUrl\n    qrCodeDataUrl\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConfirmMfaEnrollment($code: String!) {\n  confirmMfaEnrollment(code: $code) {\n    ...AuthPayloadFields\n  }\n}"): (typeof documents)["mutation ConfirmMfaEnrollment($code: String!) {\n  confirmMfaEnrollment(code: $code) {\n    ...AuthPayloadFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Login($input: LoginInput!) {\n  login(input: $input) {\n    ...AuthPayloadFields\n  }\n}"): (typeof documents)["mutation Login($input: LoginInput!) {\n  login(input: $input) {\n    ...AuthPayloadFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Logout {\n  logout\n}"): (typeof documents)["mutation Logout {\n  logout\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Me {\n  me {\n    ...ViewerFields\n  }\n}"): (typeof documents)["query Me {\n  me {\n    ...ViewerFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StepUp($code: String!) {\n  stepUp(code: $code) {\n    ...AuthPayloadFields\n  }\n}"): (typeof documents)["mutation StepUp($code: String!) {\n  stepUp(code: $code) {\n    ...AuthPayloadFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ViewerFields on Viewer {\n  permissions\n  aal\n  mfaVerifiedAt\n  sessionExpiresAt\n  organization {\n    id\n    name\n    slug\n  }\n  user {\n    id\n    email\n    name\n    mfaEnabled\n    disabled\n    role {\n      id\n      name\n    }\n  }\n}\n\nfragment AuthPayloadFields on AuthPayload {\n  token\n  expiresAt\n  aal\n  mfaRequired\n  viewer {\n    ...ViewerFields\n  }\n}"): (typeof documents)["fragment ViewerFields on Viewer {\n  permissions\n  aal\n  mfaVerifiedAt\n  sessionExpiresAt\n  organization {\n    id\n    name\n    slug\n  }\n  user {\n    id\n    email\n    name\n    mfaEnabled\n    disabled\n    role {\n      id\n      name\n    }\n  }\n}\n\nfragment AuthPayloadFields on AuthPayload {\n  token\n  expiresAt\n  aal\n  mfaRequired\n  viewer {\n    ...ViewerFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateRole($input: CreateRoleInput!, $justification: String!) {\n  createRole(input: $input, justification: $justification) {\n    ...RoleFields\n  }\n}"): (typeof documents)["mutation CreateRole($input: CreateRoleInput!, $justification: String!) {\n  createRole(input: $input, justification: $justification) {\n    ...RoleFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeleteRole($id: ID!, $justification: String!) {\n  deleteRole(id: $id, justification: $justification)\n}"): (typeof documents)["mutation DeleteRole($id: ID!, $justification: String!) {\n  deleteRole(id: $id, justification: $justification)\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment RoleFields on Role {\n  id\n  name\n  description\n  permissions\n  builtIn\n  userCount\n}"): (typeof documents)["fragment RoleFields on Role {\n  id\n  name\n  description\n  permissions\n  builtIn\n  userCount\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Roles {\n  roles {\n    ...RoleFields\n  }\n  permissionCatalog\n}"): (typeof documents)["query Roles {\n  roles {\n    ...RoleFields\n  }\n  permissionCatalog\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateRole($id: ID!, $input: UpdateRoleInput!, $justification: String!) {\n  updateRole(id: $id, input: $input, justification: $justification) {\n    ...RoleFields\n  }\n}"): (typeof documents)["mutation UpdateRole($id: ID!, $input: UpdateRoleInput!, $justification: String!) {\n  updateRole(id: $id, input: $input, justification: $justification) {\n    ...RoleFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AssignRole($userId: ID!, $roleId: ID!, $justification: String!) {\n  assignRole(userId: $userId, roleId: $roleId, justification: $justification) {\n    ...UserRowFields\n  }\n}"): (typeof documents)["mutation AssignRole($userId: ID!, $roleId: ID!, $justification: String!) {\n  assignRole(userId: $userId, roleId: $roleId, justification: $justification) {\n    ...UserRowFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateUser($input: CreateUserInput!, $justification: String!) {\n  createUser(input: $input, justification: $justification) {\n    ...UserRowFields\n  }\n}"): (typeof documents)["mutation CreateUser($input: CreateUserInput!, $justification: String!) {\n  createUser(input: $input, justification: $justification) {\n    ...UserRowFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RoleOptions {\n  roles {\n    id\n    name\n    builtIn\n  }\n}"): (typeof documents)["query RoleOptions {\n  roles {\n    id\n    name\n    builtIn\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateUser($id: ID!, $input: UpdateUserInput!, $justification: String!) {\n  updateUser(id: $id, input: $input, justification: $justification) {\n    ...UserRowFields\n  }\n}"): (typeof documents)["mutation UpdateUser($id: ID!, $input: UpdateUserInput!, $justification: String!) {\n  updateUser(id: $id, input: $input, justification: $justification) {\n    ...UserRowFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment UserRowFields on User {\n  id\n  email\n  name\n  disabled\n  mfaEnabled\n  createdAt\n  role {\n    id\n    name\n    builtIn\n  }\n}"): (typeof documents)["fragment UserRowFields on User {\n  id\n  email\n  name\n  disabled\n  mfaEnabled\n  createdAt\n  role {\n    id\n    name\n    builtIn\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Users($first: Int!, $after: String, $search: String) {\n  users(first: $first, after: $after, search: $search) {\n    nodes {\n      ...UserRowFields\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): (typeof documents)["query Users($first: Int!, $after: String, $search: String) {\n  users(first: $first, after: $after, search: $search) {\n    nodes {\n      ...UserRowFields\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;