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
    "mutation AcknowledgeAlert($id: ID!, $note: String) {\n  acknowledgeAlert(id: $id, note: $note) {\n    ...AlertFields\n  }\n}": typeof types.AcknowledgeAlertDocument,
    "fragment AlertFields on Alert {\n  id\n  kind\n  severity\n  status\n  title\n  description\n  subject {\n    type\n    id\n    label\n  }\n  details {\n    key\n    value\n  }\n  openedAt\n  acknowledgedAt\n  resolvedAt\n  resolutionNote\n  events {\n    status\n    actorLabel\n    note\n    at\n  }\n}": typeof types.AlertFieldsFragmentDoc,
    "query AlertRules {\n  alertRules {\n    kind\n    severity\n    summary\n  }\n}": typeof types.AlertRulesDocument,
    "query Alerts($filter: AlertFilterInput, $first: Int!, $after: String) {\n  alerts(filter: $filter, first: $first, after: $after) {\n    nodes {\n      ...AlertFields\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.AlertsDocument,
    "mutation ResolveAlert($id: ID!, $note: String!) {\n  resolveAlert(id: $id, note: $note) {\n    ...AlertFields\n  }\n}": typeof types.ResolveAlertDocument,
    "query AuditChainStatus {\n  auditChainStatus {\n    valid\n    checkedEntries\n    headSeq\n    firstInvalidSeq\n    reason\n    pendingEntries\n    chainDelayMs\n    verifiedAt\n  }\n}": typeof types.AuditChainStatusDocument,
    "query AuditEntries($filter: AuditFilter, $first: Int!, $after: String) {\n  auditEntries(filter: $filter, first: $first, after: $after) {\n    nodes {\n      id\n      seq\n      at\n      actorType\n      actorId\n      actorName\n      actorEmail\n      actorRole\n      systemSource\n      action\n      resourceType\n      resourceId\n      resourceName\n      dealId\n      ipAddress\n      outcome\n      details\n      justification\n      hash\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.AuditEntriesDocument,
    "query AuditActors($search: String!, $first: Int) {\n  auditActors(search: $search, first: $first) {\n    id\n    actorType\n    name\n    email\n  }\n}\n\nquery AuditVocabulary {\n  auditVocabulary {\n    actions\n    resourceTypes\n  }\n}": typeof types.AuditActorsDocument,
    "mutation BeginMfaEnrollment {\n  beginMfaEnrollment {\n    secret\n    otpauthUrl\n    qrCodeDataUrl\n  }\n}": typeof types.BeginMfaEnrollmentDocument,
    "mutation ConfirmMfaEnrollment($code: String!) {\n  confirmMfaEnrollment(code: $code) {\n    ...AuthPayloadFields\n    recoveryCodes\n  }\n}": typeof types.ConfirmMfaEnrollmentDocument,
    "mutation Login($input: LoginInput!) {\n  login(input: $input) {\n    ...AuthPayloadFields\n  }\n}": typeof types.LoginDocument,
    "mutation Logout {\n  logout\n}": typeof types.LogoutDocument,
    "query Me {\n  me {\n    ...ViewerFields\n  }\n}": typeof types.MeDocument,
    "mutation RegenerateRecoveryCodes {\n  regenerateRecoveryCodes\n}": typeof types.RegenerateRecoveryCodesDocument,
    "mutation StepUp($code: String!) {\n  stepUp(code: $code) {\n    ...AuthPayloadFields\n  }\n}": typeof types.StepUpDocument,
    "fragment ViewerFields on Viewer {\n  permissions\n  aal\n  mfaVerifiedAt\n  sessionExpiresAt\n  passwordChangeRequired\n  recoveryCodesRemaining\n  organization {\n    id\n    name\n    slug\n  }\n  user {\n    id\n    email\n    name\n    mfaEnabled\n    disabled\n    role {\n      id\n      name\n    }\n  }\n}\n\nfragment AuthPayloadFields on AuthPayload {\n  token\n  expiresAt\n  aal\n  mfaRequired\n  viewer {\n    ...ViewerFields\n  }\n}": typeof types.ViewerFieldsFragmentDoc,
    "mutation AddWallet($input: AddWalletInput!) {\n  addWallet(input: $input) {\n    ...WalletFields\n  }\n}": typeof types.AddWalletDocument,
    "query Chains {\n  chains {\n    name\n    chainId\n    confirmations\n    nativeSymbol\n    tokenSymbols\n  }\n}": typeof types.ChainsDocument,
    "mutation ConnectExchange($input: ConnectExchangeInput!) {\n  connectExchange(input: $input) {\n    connection {\n      ...ConnectionFields\n    }\n    balances {\n      asset\n      total\n      free\n      used\n    }\n  }\n}": typeof types.ConnectExchangeDocument,
    "fragment ConnectionFields on ExchangeConnection {\n  id\n  employeeId\n  venue\n  label\n  status\n  sandbox\n  keyFingerprint\n  scopeVerdict\n  scopeCheckedAt\n  keyExpiresAt\n  lastSuccessAt\n  lastError\n  failingSince\n  nextPollAt\n  createdAt\n}": typeof types.ConnectionFieldsFragmentDoc,
    "query Connections($employeeId: ID) {\n  connections(employeeId: $employeeId) {\n    ...ConnectionFields\n  }\n}": typeof types.ConnectionsDocument,
    "query EmployeeBalances($employeeId: ID!, $days: Int!) {\n  employeeBalances(employeeId: $employeeId) {\n    connectionId\n    venue\n    asset\n    total\n    fetchedAt\n    value\n    priced\n    priceAt\n  }\n  employeeBalanceHistory(employeeId: $employeeId, days: $days) {\n    asset\n    at\n    total\n    value\n  }\n  employeeValueHistory(employeeId: $employeeId, days: $days) {\n    at\n    value\n    unpricedAssets\n  }\n}": typeof types.EmployeeBalancesDocument,
    "query EmployeeTrades($employeeId: ID!, $first: Int!, $after: String, $symbol: String, $side: String, $from: DateTimeISO, $to: DateTimeISO) {\n  employeeTrades(\n    employeeId: $employeeId\n    first: $first\n    after: $after\n    symbol: $symbol\n    side: $side\n    from: $from\n    to: $to\n  ) {\n    nodes {\n      id\n      connectionId\n      venue\n      venueTradeId\n      symbol\n      side\n      amount\n      price\n      feeAmount\n      feeAsset\n      tradedAt\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.EmployeeTradesDocument,
    "query EmployeeTransfers($employeeId: ID!, $first: Int!, $after: String, $kind: String, $asset: String, $from: DateTimeISO, $to: DateTimeISO) {\n  employeeTransfers(\n    employeeId: $employeeId\n    first: $first\n    after: $after\n    kind: $kind\n    asset: $asset\n    from: $from\n    to: $to\n  ) {\n    nodes {\n      id\n      connectionId\n      venue\n      kind\n      venueTransferId\n      txid\n      asset\n      amount\n      feeAsset\n      feeAmount\n      network\n      address\n      status\n      happenedAt\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.EmployeeTransfersDocument,
    "query ExchangeVenues {\n  exchangeVenues {\n    id\n    displayName\n    needsPassphrase\n    hasSandbox\n    where\n    grant\n    leaveOff\n    ipAllowList\n    notes\n  }\n}": typeof types.ExchangeVenuesDocument,
    "query FeedHealth {\n  feedHealth {\n    connectionId\n    employeeId\n    employeeName\n    venue\n    label\n    keyFingerprint\n    status\n    lastSuccessAt\n    lastError\n    failingSince\n    nextPollAt\n    keyExpiresAt\n  }\n}": typeof types.FeedHealthDocument,
    "query PollRuns($connectionId: ID!, $first: Int!) {\n  pollRuns(connectionId: $connectionId, first: $first) {\n    id\n    startedAt\n    outcome\n    durationMs\n    error\n    counts\n  }\n}": typeof types.PollRunsDocument,
    "query ReferenceCurrency {\n  referenceCurrency\n}": typeof types.ReferenceCurrencyDocument,
    "mutation RemoveConnection($id: ID!) {\n  removeConnection(id: $id) {\n    id\n    status\n    removedAt\n  }\n}": typeof types.RemoveConnectionDocument,
    "mutation RemoveWallet($id: ID!) {\n  removeWallet(id: $id) {\n    id\n    status\n  }\n}": typeof types.RemoveWalletDocument,
    "mutation RotateConnection($id: ID!, $input: RotateConnectionInput!) {\n  rotateConnection(id: $id, input: $input) {\n    connection {\n      ...ConnectionFields\n    }\n    replaced {\n      id\n      status\n      replacedById\n    }\n  }\n}": typeof types.RotateConnectionDocument,
    "query WalletBalances($employeeId: ID!) {\n  walletBalances(employeeId: $employeeId) {\n    walletId\n    chainId\n    address\n    asset\n    symbol\n    decimals\n    amount\n    blockNumber\n    at\n    value\n    priced\n  }\n}": typeof types.WalletBalancesDocument,
    "fragment WalletFields on Wallet {\n  id\n  employeeId\n  chainId\n  address\n  label\n  status\n  lastSuccessAt\n  lastError\n  failingSince\n  nextPollAt\n  createdAt\n}": typeof types.WalletFieldsFragmentDoc,
    "query WalletHealth {\n  walletHealth {\n    walletId\n    employeeId\n    employeeName\n    chainId\n    address\n    label\n    status\n    lastPollAt\n    lastSuccessAt\n    lastError\n    failingSince\n    nextPollAt\n  }\n}": typeof types.WalletHealthDocument,
    "query WalletPollRuns($walletId: ID!, $first: Int!) {\n  walletPollRuns(walletId: $walletId, first: $first) {\n    id\n    startedAt\n    outcome\n    durationMs\n    error\n    counts\n  }\n}": typeof types.WalletPollRunsDocument,
    "query WalletTransfers($employeeId: ID!, $first: Int!, $after: String) {\n  walletTransfers(employeeId: $employeeId, first: $first, after: $after) {\n    nodes {\n      id\n      walletId\n      chainId\n      walletAddress\n      txHash\n      blockNumber\n      blockTime\n      tokenAddress\n      fromAddress\n      toAddress\n      direction\n      amount\n      symbol\n      decimals\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.WalletTransfersDocument,
    "query Wallets($employeeId: ID) {\n  wallets(employeeId: $employeeId) {\n    ...WalletFields\n  }\n}": typeof types.WalletsDocument,
    "mutation AcceptInvitation($token: String!, $password: String!) {\n  acceptInvitation(token: $token, password: $password) {\n    organization\n    email\n  }\n}": typeof types.AcceptInvitationDocument,
    "query Employee($id: ID!) {\n  employee(id: $id) {\n    ...EmployeeFields\n  }\n}": typeof types.EmployeeDocument,
    "fragment EmployeeFields on Employee {\n  id\n  name\n  email\n  department\n  status\n  statusChangedAt\n  statusNote\n  hasAccount\n  invitationExpiresAt\n  createdAt\n  totalValue\n  unpricedAssets\n  health\n  connectionCount\n}\n\nfragment EmployeeInvitationFields on EmployeeInvitationType {\n  link\n  expiresAt\n  employee {\n    ...EmployeeFields\n  }\n}": typeof types.EmployeeFieldsFragmentDoc,
    "query EmployeePredictions($employeeId: ID!) {\n  employeePredictions(employeeId: $employeeId) {\n    walletId\n    chainId\n    address\n    label\n    venue\n    asOf\n    lastSuccessAt\n    lastError\n    failingSince\n    positions {\n      asset\n      market\n      outcome\n      size\n      avgPrice\n      currentValue\n    }\n  }\n}": typeof types.EmployeePredictionsDocument,
    "query Employees($first: Int!, $after: String, $search: String, $status: EmployeeStatus) {\n  employees(first: $first, after: $after, search: $search, status: $status) {\n    nodes {\n      ...EmployeeFields\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.EmployeesDocument,
    "query Invitation($token: String!) {\n  invitation(token: $token) {\n    state\n    organization\n    organizationName\n    employeeName\n    email\n    expiresAt\n  }\n}": typeof types.InvitationDocument,
    "mutation InviteEmployee($input: InviteEmployeeInput!, $justification: String!) {\n  inviteEmployee(input: $input, justification: $justification) {\n    ...EmployeeInvitationFields\n  }\n}": typeof types.InviteEmployeeDocument,
    "query MyEmployee {\n  myEmployee {\n    ...EmployeeFields\n  }\n}": typeof types.MyEmployeeDocument,
    "mutation OffboardEmployee($id: ID!, $justification: String!) {\n  offboardEmployee(id: $id, justification: $justification) {\n    ...EmployeeFields\n  }\n}": typeof types.OffboardEmployeeDocument,
    "mutation ReissueInvitation($id: ID!, $justification: String!) {\n  reissueInvitation(id: $id, justification: $justification) {\n    ...EmployeeInvitationFields\n  }\n}": typeof types.ReissueInvitationDocument,
    "mutation RequireReonboarding($id: ID!, $note: String!) {\n  requireReonboarding(id: $id, note: $note) {\n    ...EmployeeFields\n  }\n}": typeof types.RequireReonboardingDocument,
    "mutation UpdateEmployee($id: ID!, $input: UpdateEmployeeInput!, $justification: String!) {\n  updateEmployee(id: $id, input: $input, justification: $justification) {\n    ...EmployeeFields\n  }\n}": typeof types.UpdateEmployeeDocument,
    "mutation CreateRole($input: CreateRoleInput!, $justification: String!) {\n  createRole(input: $input, justification: $justification) {\n    ...RoleFields\n  }\n}": typeof types.CreateRoleDocument,
    "mutation DeleteRole($id: ID!, $justification: String!) {\n  deleteRole(id: $id, justification: $justification)\n}": typeof types.DeleteRoleDocument,
    "fragment RoleFields on Role {\n  id\n  name\n  description\n  permissions\n  builtIn\n  userCount\n}": typeof types.RoleFieldsFragmentDoc,
    "query Roles {\n  roles {\n    ...RoleFields\n  }\n  permissionCatalog\n}": typeof types.RolesDocument,
    "mutation UpdateRole($id: ID!, $input: UpdateRoleInput!, $justification: String!) {\n  updateRole(id: $id, input: $input, justification: $justification) {\n    ...RoleFields\n  }\n}": typeof types.UpdateRoleDocument,
    "mutation AssignRole($userId: ID!, $roleId: ID!, $justification: String!) {\n  assignRole(userId: $userId, roleId: $roleId, justification: $justification) {\n    ...UserRowFields\n  }\n}": typeof types.AssignRoleDocument,
    "mutation CreateUser($input: CreateUserInput!, $justification: String!) {\n  createUser(input: $input, justification: $justification) {\n    ...UserRowFields\n  }\n}": typeof types.CreateUserDocument,
    "mutation ResetUserMfa($id: ID!, $justification: String!) {\n  resetUserMfa(id: $id, justification: $justification) {\n    ...UserRowFields\n    lastSignInAt\n    sessionsEndedAt\n  }\n}": typeof types.ResetUserMfaDocument,
    "query RoleOptions {\n  roles {\n    id\n    name\n    builtIn\n  }\n}": typeof types.RoleOptionsDocument,
    "mutation UpdateUser($id: ID!, $input: UpdateUserInput!, $justification: String!) {\n  updateUser(id: $id, input: $input, justification: $justification) {\n    ...UserRowFields\n  }\n}": typeof types.UpdateUserDocument,
    "query UserAuditEntries($actorId: ID!, $first: Int!) {\n  auditEntries(filter: {actorId: $actorId}, first: $first) {\n    nodes {\n      id\n      at\n      action\n      outcome\n      resourceType\n      resourceId\n    }\n  }\n}": typeof types.UserAuditEntriesDocument,
    "query UserDetail($id: ID!) {\n  user(id: $id) {\n    ...UserRowFields\n    lastSignInAt\n    sessionsEndedAt\n  }\n}": typeof types.UserDetailDocument,
    "fragment UserRowFields on User {\n  id\n  email\n  name\n  disabled\n  mfaEnabled\n  createdAt\n  passwordChangeRequired\n  role {\n    id\n    name\n    builtIn\n  }\n}": typeof types.UserRowFieldsFragmentDoc,
    "query Users($first: Int!, $after: String, $search: String) {\n  users(first: $first, after: $after, search: $search) {\n    nodes {\n      ...UserRowFields\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.UsersDocument,
};
const documents: Documents = {
    "mutation ChangePassword($input: ChangePasswordInput!) {\n  changePassword(input: $input) {\n    ...AuthPayloadFields\n  }\n}": types.ChangePasswordDocument,
    "mutation AcknowledgeAlert($id: ID!, $note: String) {\n  acknowledgeAlert(id: $id, note: $note) {\n    ...AlertFields\n  }\n}": types.AcknowledgeAlertDocument,
    "fragment AlertFields on Alert {\n  id\n  kind\n  severity\n  status\n  title\n  description\n  subject {\n    type\n    id\n    label\n  }\n  details {\n    key\n    value\n  }\n  openedAt\n  acknowledgedAt\n  resolvedAt\n  resolutionNote\n  events {\n    status\n    actorLabel\n    note\n    at\n  }\n}": types.AlertFieldsFragmentDoc,
    "query AlertRules {\n  alertRules {\n    kind\n    severity\n    summary\n  }\n}": types.AlertRulesDocument,
    "query Alerts($filter: AlertFilterInput, $first: Int!, $after: String) {\n  alerts(filter: $filter, first: $first, after: $after) {\n    nodes {\n      ...AlertFields\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.AlertsDocument,
    "mutation ResolveAlert($id: ID!, $note: String!) {\n  resolveAlert(id: $id, note: $note) {\n    ...AlertFields\n  }\n}": types.ResolveAlertDocument,
    "query AuditChainStatus {\n  auditChainStatus {\n    valid\n    checkedEntries\n    headSeq\n    firstInvalidSeq\n    reason\n    pendingEntries\n    chainDelayMs\n    verifiedAt\n  }\n}": types.AuditChainStatusDocument,
    "query AuditEntries($filter: AuditFilter, $first: Int!, $after: String) {\n  auditEntries(filter: $filter, first: $first, after: $after) {\n    nodes {\n      id\n      seq\n      at\n      actorType\n      actorId\n      actorName\n      actorEmail\n      actorRole\n      systemSource\n      action\n      resourceType\n      resourceId\n      resourceName\n      dealId\n      ipAddress\n      outcome\n      details\n      justification\n      hash\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.AuditEntriesDocument,
    "query AuditActors($search: String!, $first: Int) {\n  auditActors(search: $search, first: $first) {\n    id\n    actorType\n    name\n    email\n  }\n}\n\nquery AuditVocabulary {\n  auditVocabulary {\n    actions\n    resourceTypes\n  }\n}": types.AuditActorsDocument,
    "mutation BeginMfaEnrollment {\n  beginMfaEnrollment {\n    secret\n    otpauthUrl\n    qrCodeDataUrl\n  }\n}": types.BeginMfaEnrollmentDocument,
    "mutation ConfirmMfaEnrollment($code: String!) {\n  confirmMfaEnrollment(code: $code) {\n    ...AuthPayloadFields\n    recoveryCodes\n  }\n}": types.ConfirmMfaEnrollmentDocument,
    "mutation Login($input: LoginInput!) {\n  login(input: $input) {\n    ...AuthPayloadFields\n  }\n}": types.LoginDocument,
    "mutation Logout {\n  logout\n}": types.LogoutDocument,
    "query Me {\n  me {\n    ...ViewerFields\n  }\n}": types.MeDocument,
    "mutation RegenerateRecoveryCodes {\n  regenerateRecoveryCodes\n}": types.RegenerateRecoveryCodesDocument,
    "mutation StepUp($code: String!) {\n  stepUp(code: $code) {\n    ...AuthPayloadFields\n  }\n}": types.StepUpDocument,
    "fragment ViewerFields on Viewer {\n  permissions\n  aal\n  mfaVerifiedAt\n  sessionExpiresAt\n  passwordChangeRequired\n  recoveryCodesRemaining\n  organization {\n    id\n    name\n    slug\n  }\n  user {\n    id\n    email\n    name\n    mfaEnabled\n    disabled\n    role {\n      id\n      name\n    }\n  }\n}\n\nfragment AuthPayloadFields on AuthPayload {\n  token\n  expiresAt\n  aal\n  mfaRequired\n  viewer {\n    ...ViewerFields\n  }\n}": types.ViewerFieldsFragmentDoc,
    "mutation AddWallet($input: AddWalletInput!) {\n  addWallet(input: $input) {\n    ...WalletFields\n  }\n}": types.AddWalletDocument,
    "query Chains {\n  chains {\n    name\n    chainId\n    confirmations\n    nativeSymbol\n    tokenSymbols\n  }\n}": types.ChainsDocument,
    "mutation ConnectExchange($input: ConnectExchangeInput!) {\n  connectExchange(input: $input) {\n    connection {\n      ...ConnectionFields\n    }\n    balances {\n      asset\n      total\n      free\n      used\n    }\n  }\n}": types.ConnectExchangeDocument,
    "fragment ConnectionFields on ExchangeConnection {\n  id\n  employeeId\n  venue\n  label\n  status\n  sandbox\n  keyFingerprint\n  scopeVerdict\n  scopeCheckedAt\n  keyExpiresAt\n  lastSuccessAt\n  lastError\n  failingSince\n  nextPollAt\n  createdAt\n}": types.ConnectionFieldsFragmentDoc,
    "query Connections($employeeId: ID) {\n  connections(employeeId: $employeeId) {\n    ...ConnectionFields\n  }\n}": types.ConnectionsDocument,
    "query EmployeeBalances($employeeId: ID!, $days: Int!) {\n  employeeBalances(employeeId: $employeeId) {\n    connectionId\n    venue\n    asset\n    total\n    fetchedAt\n    value\n    priced\n    priceAt\n  }\n  employeeBalanceHistory(employeeId: $employeeId, days: $days) {\n    asset\n    at\n    total\n    value\n  }\n  employeeValueHistory(employeeId: $employeeId, days: $days) {\n    at\n    value\n    unpricedAssets\n  }\n}": types.EmployeeBalancesDocument,
    "query EmployeeTrades($employeeId: ID!, $first: Int!, $after: String, $symbol: String, $side: String, $from: DateTimeISO, $to: DateTimeISO) {\n  employeeTrades(\n    employeeId: $employeeId\n    first: $first\n    after: $after\n    symbol: $symbol\n    side: $side\n    from: $from\n    to: $to\n  ) {\n    nodes {\n      id\n      connectionId\n      venue\n      venueTradeId\n      symbol\n      side\n      amount\n      price\n      feeAmount\n      feeAsset\n      tradedAt\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.EmployeeTradesDocument,
    "query EmployeeTransfers($employeeId: ID!, $first: Int!, $after: String, $kind: String, $asset: String, $from: DateTimeISO, $to: DateTimeISO) {\n  employeeTransfers(\n    employeeId: $employeeId\n    first: $first\n    after: $after\n    kind: $kind\n    asset: $asset\n    from: $from\n    to: $to\n  ) {\n    nodes {\n      id\n      connectionId\n      venue\n      kind\n      venueTransferId\n      txid\n      asset\n      amount\n      feeAsset\n      feeAmount\n      network\n      address\n      status\n      happenedAt\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.EmployeeTransfersDocument,
    "query ExchangeVenues {\n  exchangeVenues {\n    id\n    displayName\n    needsPassphrase\n    hasSandbox\n    where\n    grant\n    leaveOff\n    ipAllowList\n    notes\n  }\n}": types.ExchangeVenuesDocument,
    "query FeedHealth {\n  feedHealth {\n    connectionId\n    employeeId\n    employeeName\n    venue\n    label\n    keyFingerprint\n    status\n    lastSuccessAt\n    lastError\n    failingSince\n    nextPollAt\n    keyExpiresAt\n  }\n}": types.FeedHealthDocument,
    "query PollRuns($connectionId: ID!, $first: Int!) {\n  pollRuns(connectionId: $connectionId, first: $first) {\n    id\n    startedAt\n    outcome\n    durationMs\n    error\n    counts\n  }\n}": types.PollRunsDocument,
    "query ReferenceCurrency {\n  referenceCurrency\n}": types.ReferenceCurrencyDocument,
    "mutation RemoveConnection($id: ID!) {\n  removeConnection(id: $id) {\n    id\n    status\n    removedAt\n  }\n}": types.RemoveConnectionDocument,
    "mutation RemoveWallet($id: ID!) {\n  removeWallet(id: $id) {\n    id\n    status\n  }\n}": types.RemoveWalletDocument,
    "mutation RotateConnection($id: ID!, $input: RotateConnectionInput!) {\n  rotateConnection(id: $id, input: $input) {\n    connection {\n      ...ConnectionFields\n    }\n    replaced {\n      id\n      status\n      replacedById\n    }\n  }\n}": types.RotateConnectionDocument,
    "query WalletBalances($employeeId: ID!) {\n  walletBalances(employeeId: $employeeId) {\n    walletId\n    chainId\n    address\n    asset\n    symbol\n    decimals\n    amount\n    blockNumber\n    at\n    value\n    priced\n  }\n}": types.WalletBalancesDocument,
    "fragment WalletFields on Wallet {\n  id\n  employeeId\n  chainId\n  address\n  label\n  status\n  lastSuccessAt\n  lastError\n  failingSince\n  nextPollAt\n  createdAt\n}": types.WalletFieldsFragmentDoc,
    "query WalletHealth {\n  walletHealth {\n    walletId\n    employeeId\n    employeeName\n    chainId\n    address\n    label\n    status\n    lastPollAt\n    lastSuccessAt\n    lastError\n    failingSince\n    nextPollAt\n  }\n}": types.WalletHealthDocument,
    "query WalletPollRuns($walletId: ID!, $first: Int!) {\n  walletPollRuns(walletId: $walletId, first: $first) {\n    id\n    startedAt\n    outcome\n    durationMs\n    error\n    counts\n  }\n}": types.WalletPollRunsDocument,
    "query WalletTransfers($employeeId: ID!, $first: Int!, $after: String) {\n  walletTransfers(employeeId: $employeeId, first: $first, after: $after) {\n    nodes {\n      id\n      walletId\n      chainId\n      walletAddress\n      txHash\n      blockNumber\n      blockTime\n      tokenAddress\n      fromAddress\n      toAddress\n      direction\n      amount\n      symbol\n      decimals\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.WalletTransfersDocument,
    "query Wallets($employeeId: ID) {\n  wallets(employeeId: $employeeId) {\n    ...WalletFields\n  }\n}": types.WalletsDocument,
    "mutation AcceptInvitation($token: String!, $password: String!) {\n  acceptInvitation(token: $token, password: $password) {\n    organization\n    email\n  }\n}": types.AcceptInvitationDocument,
    "query Employee($id: ID!) {\n  employee(id: $id) {\n    ...EmployeeFields\n  }\n}": types.EmployeeDocument,
    "fragment EmployeeFields on Employee {\n  id\n  name\n  email\n  department\n  status\n  statusChangedAt\n  statusNote\n  hasAccount\n  invitationExpiresAt\n  createdAt\n  totalValue\n  unpricedAssets\n  health\n  connectionCount\n}\n\nfragment EmployeeInvitationFields on EmployeeInvitationType {\n  link\n  expiresAt\n  employee {\n    ...EmployeeFields\n  }\n}": types.EmployeeFieldsFragmentDoc,
    "query EmployeePredictions($employeeId: ID!) {\n  employeePredictions(employeeId: $employeeId) {\n    walletId\n    chainId\n    address\n    label\n    venue\n    asOf\n    lastSuccessAt\n    lastError\n    failingSince\n    positions {\n      asset\n      market\n      outcome\n      size\n      avgPrice\n      currentValue\n    }\n  }\n}": types.EmployeePredictionsDocument,
    "query Employees($first: Int!, $after: String, $search: String, $status: EmployeeStatus) {\n  employees(first: $first, after: $after, search: $search, status: $status) {\n    nodes {\n      ...EmployeeFields\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.EmployeesDocument,
    "query Invitation($token: String!) {\n  invitation(token: $token) {\n    state\n    organization\n    organizationName\n    employeeName\n    email\n    expiresAt\n  }\n}": types.InvitationDocument,
    "mutation InviteEmployee($input: InviteEmployeeInput!, $justification: String!) {\n  inviteEmployee(input: $input, justification: $justification) {\n    ...EmployeeInvitationFields\n  }\n}": types.InviteEmployeeDocument,
    "query MyEmployee {\n  myEmployee {\n    ...EmployeeFields\n  }\n}": types.MyEmployeeDocument,
    "mutation OffboardEmployee($id: ID!, $justification: String!) {\n  offboardEmployee(id: $id, justification: $justification) {\n    ...EmployeeFields\n  }\n}": types.OffboardEmployeeDocument,
    "mutation ReissueInvitation($id: ID!, $justification: String!) {\n  reissueInvitation(id: $id, justification: $justification) {\n    ...EmployeeInvitationFields\n  }\n}": types.ReissueInvitationDocument,
    "mutation RequireReonboarding($id: ID!, $note: String!) {\n  requireReonboarding(id: $id, note: $note) {\n    ...EmployeeFields\n  }\n}": types.RequireReonboardingDocument,
    "mutation UpdateEmployee($id: ID!, $input: UpdateEmployeeInput!, $justification: String!) {\n  updateEmployee(id: $id, input: $input, justification: $justification) {\n    ...EmployeeFields\n  }\n}": types.UpdateEmployeeDocument,
    "mutation CreateRole($input: CreateRoleInput!, $justification: String!) {\n  createRole(input: $input, justification: $justification) {\n    ...RoleFields\n  }\n}": types.CreateRoleDocument,
    "mutation DeleteRole($id: ID!, $justification: String!) {\n  deleteRole(id: $id, justification: $justification)\n}": types.DeleteRoleDocument,
    "fragment RoleFields on Role {\n  id\n  name\n  description\n  permissions\n  builtIn\n  userCount\n}": types.RoleFieldsFragmentDoc,
    "query Roles {\n  roles {\n    ...RoleFields\n  }\n  permissionCatalog\n}": types.RolesDocument,
    "mutation UpdateRole($id: ID!, $input: UpdateRoleInput!, $justification: String!) {\n  updateRole(id: $id, input: $input, justification: $justification) {\n    ...RoleFields\n  }\n}": types.UpdateRoleDocument,
    "mutation AssignRole($userId: ID!, $roleId: ID!, $justification: String!) {\n  assignRole(userId: $userId, roleId: $roleId, justification: $justification) {\n    ...UserRowFields\n  }\n}": types.AssignRoleDocument,
    "mutation CreateUser($input: CreateUserInput!, $justification: String!) {\n  createUser(input: $input, justification: $justification) {\n    ...UserRowFields\n  }\n}": types.CreateUserDocument,
    "mutation ResetUserMfa($id: ID!, $justification: String!) {\n  resetUserMfa(id: $id, justification: $justification) {\n    ...UserRowFields\n    lastSignInAt\n    sessionsEndedAt\n  }\n}": types.ResetUserMfaDocument,
    "query RoleOptions {\n  roles {\n    id\n    name\n    builtIn\n  }\n}": types.RoleOptionsDocument,
    "mutation UpdateUser($id: ID!, $input: UpdateUserInput!, $justification: String!) {\n  updateUser(id: $id, input: $input, justification: $justification) {\n    ...UserRowFields\n  }\n}": types.UpdateUserDocument,
    "query UserAuditEntries($actorId: ID!, $first: Int!) {\n  auditEntries(filter: {actorId: $actorId}, first: $first) {\n    nodes {\n      id\n      at\n      action\n      outcome\n      resourceType\n      resourceId\n    }\n  }\n}": types.UserAuditEntriesDocument,
    "query UserDetail($id: ID!) {\n  user(id: $id) {\n    ...UserRowFields\n    lastSignInAt\n    sessionsEndedAt\n  }\n}": types.UserDetailDocument,
    "fragment UserRowFields on User {\n  id\n  email\n  name\n  disabled\n  mfaEnabled\n  createdAt\n  passwordChangeRequired\n  role {\n    id\n    name\n    builtIn\n  }\n}": types.UserRowFieldsFragmentDoc,
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
export function graphql(source: "mutation AcknowledgeAlert($id: ID!, $note: String) {\n  acknowledgeAlert(id: $id, note: $note) {\n    ...AlertFields\n  }\n}"): (typeof documents)["mutation AcknowledgeAlert($id: ID!, $note: String) {\n  acknowledgeAlert(id: $id, note: $note) {\n    ...AlertFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment AlertFields on Alert {\n  id\n  kind\n  severity\n  status\n  title\n  description\n  subject {\n    type\n    id\n    label\n  }\n  details {\n    key\n    value\n  }\n  openedAt\n  acknowledgedAt\n  resolvedAt\n  resolutionNote\n  events {\n    status\n    actorLabel\n    note\n    at\n  }\n}"): (typeof documents)["fragment AlertFields on Alert {\n  id\n  kind\n  severity\n  status\n  title\n  description\n  subject {\n    type\n    id\n    label\n  }\n  details {\n    key\n    value\n  }\n  openedAt\n  acknowledgedAt\n  resolvedAt\n  resolutionNote\n  events {\n    status\n    actorLabel\n    note\n    at\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AlertRules {\n  alertRules {\n    kind\n    severity\n    summary\n  }\n}"): (typeof documents)["query AlertRules {\n  alertRules {\n    kind\n    severity\n    summary\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Alerts($filter: AlertFilterInput, $first: Int!, $after: String) {\n  alerts(filter: $filter, first: $first, after: $after) {\n    nodes {\n      ...AlertFields\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): (typeof documents)["query Alerts($filter: AlertFilterInput, $first: Int!, $after: String) {\n  alerts(filter: $filter, first: $first, after: $after) {\n    nodes {\n      ...AlertFields\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ResolveAlert($id: ID!, $note: String!) {\n  resolveAlert(id: $id, note: $note) {\n    ...AlertFields\n  }\n}"): (typeof documents)["mutation ResolveAlert($id: ID!, $note: String!) {\n  resolveAlert(id: $id, note: $note) {\n    ...AlertFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AuditChainStatus {\n  auditChainStatus {\n    valid\n    checkedEntries\n    headSeq\n    firstInvalidSeq\n    reason\n    pendingEntries\n    chainDelayMs\n    verifiedAt\n  }\n}"): (typeof documents)["query AuditChainStatus {\n  auditChainStatus {\n    valid\n    checkedEntries\n    headSeq\n    firstInvalidSeq\n    reason\n    pendingEntries\n    chainDelayMs\n    verifiedAt\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AuditEntries($filter: AuditFilter, $first: Int!, $after: String) {\n  auditEntries(filter: $filter, first: $first, after: $after) {\n    nodes {\n      id\n      seq\n      at\n      actorType\n      actorId\n      actorName\n      actorEmail\n      actorRole\n      systemSource\n      action\n      resourceType\n      resourceId\n      resourceName\n      dealId\n      ipAddress\n      outcome\n      details\n      justification\n      hash\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): (typeof documents)["query AuditEntries($filter: AuditFilter, $first: Int!, $after: String) {\n  auditEntries(filter: $filter, first: $first, after: $after) {\n    nodes {\n      id\n      seq\n      at\n      actorType\n      actorId\n      actorName\n      actorEmail\n      actorRole\n      systemSource\n      action\n      resourceType\n      resourceId\n      resourceName\n      dealId\n      ipAddress\n      outcome\n      details\n      justification\n      hash\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AuditActors($search: String!, $first: Int) {\n  auditActors(search: $search, first: $first) {\n    id\n    actorType\n    name\n    email\n  }\n}\n\nquery AuditVocabulary {\n  auditVocabulary {\n    actions\n    resourceTypes\n  }\n}"): (typeof documents)["query AuditActors($search: String!, $first: Int) {\n  auditActors(search: $search, first: $first) {\n    id\n    actorType\n    name\n    email\n  }\n}\n\nquery AuditVocabulary {\n  auditVocabulary {\n    actions\n    resourceTypes\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation BeginMfaEnrollment {\n  beginMfaEnrollment {\n    secret\n    otpauthUrl\n    qrCodeDataUrl\n  }\n}"): (typeof documents)["mutation BeginMfaEnrollment {\n  beginMfaEnrollment {\n    secret\n    otpauthUrl\n    qrCodeDataUrl\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConfirmMfaEnrollment($code: String!) {\n  confirmMfaEnrollment(code: $code) {\n    ...AuthPayloadFields\n    recoveryCodes\n  }\n}"): (typeof documents)["mutation ConfirmMfaEnrollment($code: String!) {\n  confirmMfaEnrollment(code: $code) {\n    ...AuthPayloadFields\n    recoveryCodes\n  }\n}"];
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
export function graphql(source: "mutation RegenerateRecoveryCodes {\n  regenerateRecoveryCodes\n}"): (typeof documents)["mutation RegenerateRecoveryCodes {\n  regenerateRecoveryCodes\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StepUp($code: String!) {\n  stepUp(code: $code) {\n    ...AuthPayloadFields\n  }\n}"): (typeof documents)["mutation StepUp($code: String!) {\n  stepUp(code: $code) {\n    ...AuthPayloadFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ViewerFields on Viewer {\n  permissions\n  aal\n  mfaVerifiedAt\n  sessionExpiresAt\n  passwordChangeRequired\n  recoveryCodesRemaining\n  organization {\n    id\n    name\n    slug\n  }\n  user {\n    id\n    email\n    name\n    mfaEnabled\n    disabled\n    role {\n      id\n      name\n    }\n  }\n}\n\nfragment AuthPayloadFields on AuthPayload {\n  token\n  expiresAt\n  aal\n  mfaRequired\n  viewer {\n    ...ViewerFields\n  }\n}"): (typeof documents)["fragment ViewerFields on Viewer {\n  permissions\n  aal\n  mfaVerifiedAt\n  sessionExpiresAt\n  passwordChangeRequired\n  recoveryCodesRemaining\n  organization {\n    id\n    name\n    slug\n  }\n  user {\n    id\n    email\n    name\n    mfaEnabled\n    disabled\n    role {\n      id\n      name\n    }\n  }\n}\n\nfragment AuthPayloadFields on AuthPayload {\n  token\n  expiresAt\n  aal\n  mfaRequired\n  viewer {\n    ...ViewerFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AddWallet($input: AddWalletInput!) {\n  addWallet(input: $input) {\n    ...WalletFields\n  }\n}"): (typeof documents)["mutation AddWallet($input: AddWalletInput!) {\n  addWallet(input: $input) {\n    ...WalletFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Chains {\n  chains {\n    name\n    chainId\n    confirmations\n    nativeSymbol\n    tokenSymbols\n  }\n}"): (typeof documents)["query Chains {\n  chains {\n    name\n    chainId\n    confirmations\n    nativeSymbol\n    tokenSymbols\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConnectExchange($input: ConnectExchangeInput!) {\n  connectExchange(input: $input) {\n    connection {\n      ...ConnectionFields\n    }\n    balances {\n      asset\n      total\n      free\n      used\n    }\n  }\n}"): (typeof documents)["mutation ConnectExchange($input: ConnectExchangeInput!) {\n  connectExchange(input: $input) {\n    connection {\n      ...ConnectionFields\n    }\n    balances {\n      asset\n      total\n      free\n      used\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ConnectionFields on ExchangeConnection {\n  id\n  employeeId\n  venue\n  label\n  status\n  sandbox\n  keyFingerprint\n  scopeVerdict\n  scopeCheckedAt\n  keyExpiresAt\n  lastSuccessAt\n  lastError\n  failingSince\n  nextPollAt\n  createdAt\n}"): (typeof documents)["fragment ConnectionFields on ExchangeConnection {\n  id\n  employeeId\n  venue\n  label\n  status\n  sandbox\n  keyFingerprint\n  scopeVerdict\n  scopeCheckedAt\n  keyExpiresAt\n  lastSuccessAt\n  lastError\n  failingSince\n  nextPollAt\n  createdAt\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Connections($employeeId: ID) {\n  connections(employeeId: $employeeId) {\n    ...ConnectionFields\n  }\n}"): (typeof documents)["query Connections($employeeId: ID) {\n  connections(employeeId: $employeeId) {\n    ...ConnectionFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query EmployeeBalances($employeeId: ID!, $days: Int!) {\n  employeeBalances(employeeId: $employeeId) {\n    connectionId\n    venue\n    asset\n    total\n    fetchedAt\n    value\n    priced\n    priceAt\n  }\n  employeeBalanceHistory(employeeId: $employeeId, days: $days) {\n    asset\n    at\n    total\n    value\n  }\n  employeeValueHistory(employeeId: $employeeId, days: $days) {\n    at\n    value\n    unpricedAssets\n  }\n}"): (typeof documents)["query EmployeeBalances($employeeId: ID!, $days: Int!) {\n  employeeBalances(employeeId: $employeeId) {\n    connectionId\n    venue\n    asset\n    total\n    fetchedAt\n    value\n    priced\n    priceAt\n  }\n  employeeBalanceHistory(employeeId: $employeeId, days: $days) {\n    asset\n    at\n    total\n    value\n  }\n  employeeValueHistory(employeeId: $employeeId, days: $days) {\n    at\n    value\n    unpricedAssets\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query EmployeeTrades($employeeId: ID!, $first: Int!, $after: String, $symbol: String, $side: String, $from: DateTimeISO, $to: DateTimeISO) {\n  employeeTrades(\n    employeeId: $employeeId\n    first: $first\n    after: $after\n    symbol: $symbol\n    side: $side\n    from: $from\n    to: $to\n  ) {\n    nodes {\n      id\n      connectionId\n      venue\n      venueTradeId\n      symbol\n      side\n      amount\n      price\n      feeAmount\n      feeAsset\n      tradedAt\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): (typeof documents)["query EmployeeTrades($employeeId: ID!, $first: Int!, $after: String, $symbol: String, $side: String, $from: DateTimeISO, $to: DateTimeISO) {\n  employeeTrades(\n    employeeId: $employeeId\n    first: $first\n    after: $after\n    symbol: $symbol\n    side: $side\n    from: $from\n    to: $to\n  ) {\n    nodes {\n      id\n      connectionId\n      venue\n      venueTradeId\n      symbol\n      side\n      amount\n      price\n      feeAmount\n      feeAsset\n      tradedAt\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query EmployeeTransfers($employeeId: ID!, $first: Int!, $after: String, $kind: String, $asset: String, $from: DateTimeISO, $to: DateTimeISO) {\n  employeeTransfers(\n    employeeId: $employeeId\n    first: $first\n    after: $after\n    kind: $kind\n    asset: $asset\n    from: $from\n    to: $to\n  ) {\n    nodes {\n      id\n      connectionId\n      venue\n      kind\n      venueTransferId\n      txid\n      asset\n      amount\n      feeAsset\n      feeAmount\n      network\n      address\n      status\n      happenedAt\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): (typeof documents)["query EmployeeTransfers($employeeId: ID!, $first: Int!, $after: String, $kind: String, $asset: String, $from: DateTimeISO, $to: DateTimeISO) {\n  employeeTransfers(\n    employeeId: $employeeId\n    first: $first\n    after: $after\n    kind: $kind\n    asset: $asset\n    from: $from\n    to: $to\n  ) {\n    nodes {\n      id\n      connectionId\n      venue\n      kind\n      venueTransferId\n      txid\n      asset\n      amount\n      feeAsset\n      feeAmount\n      network\n      address\n      status\n      happenedAt\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ExchangeVenues {\n  exchangeVenues {\n    id\n    displayName\n    needsPassphrase\n    hasSandbox\n    where\n    grant\n    leaveOff\n    ipAllowList\n    notes\n  }\n}"): (typeof documents)["query ExchangeVenues {\n  exchangeVenues {\n    id\n    displayName\n    needsPassphrase\n    hasSandbox\n    where\n    grant\n    leaveOff\n    ipAllowList\n    notes\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FeedHealth {\n  feedHealth {\n    connectionId\n    employeeId\n    employeeName\n    venue\n    label\n    keyFingerprint\n    status\n    lastSuccessAt\n    lastError\n    failingSince\n    nextPollAt\n    keyExpiresAt\n  }\n}"): (typeof documents)["query FeedHealth {\n  feedHealth {\n    connectionId\n    employeeId\n    employeeName\n    venue\n    label\n    keyFingerprint\n    status\n    lastSuccessAt\n    lastError\n    failingSince\n    nextPollAt\n    keyExpiresAt\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PollRuns($connectionId: ID!, $first: Int!) {\n  pollRuns(connectionId: $connectionId, first: $first) {\n    id\n    startedAt\n    outcome\n    durationMs\n    error\n    counts\n  }\n}"): (typeof documents)["query PollRuns($connectionId: ID!, $first: Int!) {\n  pollRuns(connectionId: $connectionId, first: $first) {\n    id\n    startedAt\n    outcome\n    durationMs\n    error\n    counts\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ReferenceCurrency {\n  referenceCurrency\n}"): (typeof documents)["query ReferenceCurrency {\n  referenceCurrency\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RemoveConnection($id: ID!) {\n  removeConnection(id: $id) {\n    id\n    status\n    removedAt\n  }\n}"): (typeof documents)["mutation RemoveConnection($id: ID!) {\n  removeConnection(id: $id) {\n    id\n    status\n    removedAt\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RemoveWallet($id: ID!) {\n  removeWallet(id: $id) {\n    id\n    status\n  }\n}"): (typeof documents)["mutation RemoveWallet($id: ID!) {\n  removeWallet(id: $id) {\n    id\n    status\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RotateConnection($id: ID!, $input: RotateConnectionInput!) {\n  rotateConnection(id: $id, input: $input) {\n    connection {\n      ...ConnectionFields\n    }\n    replaced {\n      id\n      status\n      replacedById\n    }\n  }\n}"): (typeof documents)["mutation RotateConnection($id: ID!, $input: RotateConnectionInput!) {\n  rotateConnection(id: $id, input: $input) {\n    connection {\n      ...ConnectionFields\n    }\n    replaced {\n      id\n      status\n      replacedById\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query WalletBalances($employeeId: ID!) {\n  walletBalances(employeeId: $employeeId) {\n    walletId\n    chainId\n    address\n    asset\n    symbol\n    decimals\n    amount\n    blockNumber\n    at\n    value\n    priced\n  }\n}"): (typeof documents)["query WalletBalances($employeeId: ID!) {\n  walletBalances(employeeId: $employeeId) {\n    walletId\n    chainId\n    address\n    asset\n    symbol\n    decimals\n    amount\n    blockNumber\n    at\n    value\n    priced\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment WalletFields on Wallet {\n  id\n  employeeId\n  chainId\n  address\n  label\n  status\n  lastSuccessAt\n  lastError\n  failingSince\n  nextPollAt\n  createdAt\n}"): (typeof documents)["fragment WalletFields on Wallet {\n  id\n  employeeId\n  chainId\n  address\n  label\n  status\n  lastSuccessAt\n  lastError\n  failingSince\n  nextPollAt\n  createdAt\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query WalletHealth {\n  walletHealth {\n    walletId\n    employeeId\n    employeeName\n    chainId\n    address\n    label\n    status\n    lastPollAt\n    lastSuccessAt\n    lastError\n    failingSince\n    nextPollAt\n  }\n}"): (typeof documents)["query WalletHealth {\n  walletHealth {\n    walletId\n    employeeId\n    employeeName\n    chainId\n    address\n    label\n    status\n    lastPollAt\n    lastSuccessAt\n    lastError\n    failingSince\n    nextPollAt\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query WalletPollRuns($walletId: ID!, $first: Int!) {\n  walletPollRuns(walletId: $walletId, first: $first) {\n    id\n    startedAt\n    outcome\n    durationMs\n    error\n    counts\n  }\n}"): (typeof documents)["query WalletPollRuns($walletId: ID!, $first: Int!) {\n  walletPollRuns(walletId: $walletId, first: $first) {\n    id\n    startedAt\n    outcome\n    durationMs\n    error\n    counts\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query WalletTransfers($employeeId: ID!, $first: Int!, $after: String) {\n  walletTransfers(employeeId: $employeeId, first: $first, after: $after) {\n    nodes {\n      id\n      walletId\n      chainId\n      walletAddress\n      txHash\n      blockNumber\n      blockTime\n      tokenAddress\n      fromAddress\n      toAddress\n      direction\n      amount\n      symbol\n      decimals\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): (typeof documents)["query WalletTransfers($employeeId: ID!, $first: Int!, $after: String) {\n  walletTransfers(employeeId: $employeeId, first: $first, after: $after) {\n    nodes {\n      id\n      walletId\n      chainId\n      walletAddress\n      txHash\n      blockNumber\n      blockTime\n      tokenAddress\n      fromAddress\n      toAddress\n      direction\n      amount\n      symbol\n      decimals\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Wallets($employeeId: ID) {\n  wallets(employeeId: $employeeId) {\n    ...WalletFields\n  }\n}"): (typeof documents)["query Wallets($employeeId: ID) {\n  wallets(employeeId: $employeeId) {\n    ...WalletFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AcceptInvitation($token: String!, $password: String!) {\n  acceptInvitation(token: $token, password: $password) {\n    organization\n    email\n  }\n}"): (typeof documents)["mutation AcceptInvitation($token: String!, $password: String!) {\n  acceptInvitation(token: $token, password: $password) {\n    organization\n    email\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Employee($id: ID!) {\n  employee(id: $id) {\n    ...EmployeeFields\n  }\n}"): (typeof documents)["query Employee($id: ID!) {\n  employee(id: $id) {\n    ...EmployeeFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment EmployeeFields on Employee {\n  id\n  name\n  email\n  department\n  status\n  statusChangedAt\n  statusNote\n  hasAccount\n  invitationExpiresAt\n  createdAt\n  totalValue\n  unpricedAssets\n  health\n  connectionCount\n}\n\nfragment EmployeeInvitationFields on EmployeeInvitationType {\n  link\n  expiresAt\n  employee {\n    ...EmployeeFields\n  }\n}"): (typeof documents)["fragment EmployeeFields on Employee {\n  id\n  name\n  email\n  department\n  status\n  statusChangedAt\n  statusNote\n  hasAccount\n  invitationExpiresAt\n  createdAt\n  totalValue\n  unpricedAssets\n  health\n  connectionCount\n}\n\nfragment EmployeeInvitationFields on EmployeeInvitationType {\n  link\n  expiresAt\n  employee {\n    ...EmployeeFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query EmployeePredictions($employeeId: ID!) {\n  employeePredictions(employeeId: $employeeId) {\n    walletId\n    chainId\n    address\n    label\n    venue\n    asOf\n    lastSuccessAt\n    lastError\n    failingSince\n    positions {\n      asset\n      market\n      outcome\n      size\n      avgPrice\n      currentValue\n    }\n  }\n}"): (typeof documents)["query EmployeePredictions($employeeId: ID!) {\n  employeePredictions(employeeId: $employeeId) {\n    walletId\n    chainId\n    address\n    label\n    venue\n    asOf\n    lastSuccessAt\n    lastError\n    failingSince\n    positions {\n      asset\n      market\n      outcome\n      size\n      avgPrice\n      currentValue\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Employees($first: Int!, $after: String, $search: String, $status: EmployeeStatus) {\n  employees(first: $first, after: $after, search: $search, status: $status) {\n    nodes {\n      ...EmployeeFields\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): (typeof documents)["query Employees($first: Int!, $after: String, $search: String, $status: EmployeeStatus) {\n  employees(first: $first, after: $after, search: $search, status: $status) {\n    nodes {\n      ...EmployeeFields\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Invitation($token: String!) {\n  invitation(token: $token) {\n    state\n    organization\n    organizationName\n    employeeName\n    email\n    expiresAt\n  }\n}"): (typeof documents)["query Invitation($token: String!) {\n  invitation(token: $token) {\n    state\n    organization\n    organizationName\n    employeeName\n    email\n    expiresAt\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation InviteEmployee($input: InviteEmployeeInput!, $justification: String!) {\n  inviteEmployee(input: $input, justification: $justification) {\n    ...EmployeeInvitationFields\n  }\n}"): (typeof documents)["mutation InviteEmployee($input: InviteEmployeeInput!, $justification: String!) {\n  inviteEmployee(input: $input, justification: $justification) {\n    ...EmployeeInvitationFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyEmployee {\n  myEmployee {\n    ...EmployeeFields\n  }\n}"): (typeof documents)["query MyEmployee {\n  myEmployee {\n    ...EmployeeFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OffboardEmployee($id: ID!, $justification: String!) {\n  offboardEmployee(id: $id, justification: $justification) {\n    ...EmployeeFields\n  }\n}"): (typeof documents)["mutation OffboardEmployee($id: ID!, $justification: String!) {\n  offboardEmployee(id: $id, justification: $justification) {\n    ...EmployeeFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ReissueInvitation($id: ID!, $justification: String!) {\n  reissueInvitation(id: $id, justification: $justification) {\n    ...EmployeeInvitationFields\n  }\n}"): (typeof documents)["mutation ReissueInvitation($id: ID!, $justification: String!) {\n  reissueInvitation(id: $id, justification: $justification) {\n    ...EmployeeInvitationFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RequireReonboarding($id: ID!, $note: String!) {\n  requireReonboarding(id: $id, note: $note) {\n    ...EmployeeFields\n  }\n}"): (typeof documents)["mutation RequireReonboarding($id: ID!, $note: String!) {\n  requireReonboarding(id: $id, note: $note) {\n    ...EmployeeFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateEmployee($id: ID!, $input: UpdateEmployeeInput!, $justification: String!) {\n  updateEmployee(id: $id, input: $input, justification: $justification) {\n    ...EmployeeFields\n  }\n}"): (typeof documents)["mutation UpdateEmployee($id: ID!, $input: UpdateEmployeeInput!, $justification: String!) {\n  updateEmployee(id: $id, input: $input, justification: $justification) {\n    ...EmployeeFields\n  }\n}"];
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
export function graphql(source: "mutation ResetUserMfa($id: ID!, $justification: String!) {\n  resetUserMfa(id: $id, justification: $justification) {\n    ...UserRowFields\n    lastSignInAt\n    sessionsEndedAt\n  }\n}"): (typeof documents)["mutation ResetUserMfa($id: ID!, $justification: String!) {\n  resetUserMfa(id: $id, justification: $justification) {\n    ...UserRowFields\n    lastSignInAt\n    sessionsEndedAt\n  }\n}"];
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
export function graphql(source: "query UserAuditEntries($actorId: ID!, $first: Int!) {\n  auditEntries(filter: {actorId: $actorId}, first: $first) {\n    nodes {\n      id\n      at\n      action\n      outcome\n      resourceType\n      resourceId\n    }\n  }\n}"): (typeof documents)["query UserAuditEntries($actorId: ID!, $first: Int!) {\n  auditEntries(filter: {actorId: $actorId}, first: $first) {\n    nodes {\n      id\n      at\n      action\n      outcome\n      resourceType\n      resourceId\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UserDetail($id: ID!) {\n  user(id: $id) {\n    ...UserRowFields\n    lastSignInAt\n    sessionsEndedAt\n  }\n}"): (typeof documents)["query UserDetail($id: ID!) {\n  user(id: $id) {\n    ...UserRowFields\n    lastSignInAt\n    sessionsEndedAt\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment UserRowFields on User {\n  id\n  email\n  name\n  disabled\n  mfaEnabled\n  createdAt\n  passwordChangeRequired\n  role {\n    id\n    name\n    builtIn\n  }\n}"): (typeof documents)["fragment UserRowFields on User {\n  id\n  email\n  name\n  disabled\n  mfaEnabled\n  createdAt\n  passwordChangeRequired\n  role {\n    id\n    name\n    builtIn\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Users($first: Int!, $after: String, $search: String) {\n  users(first: $first, after: $after, search: $search) {\n    nodes {\n      ...UserRowFields\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): (typeof documents)["query Users($first: Int!, $after: String, $search: String) {\n  users(first: $first, after: $after, search: $search) {\n    nodes {\n      ...UserRowFields\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;