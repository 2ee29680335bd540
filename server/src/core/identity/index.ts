// What the rest of Vigil may use of identity; everything else in this folder is its own.
export { identityModule } from './identity.module';
export { AccessTokens, ACCESS_TOKEN_TTL_SECONDS } from './auth/access-token';
export { authenticateBearer } from './auth/authenticate';
export { SessionRevocation } from './auth/session-revocation';
export { endStaleSessions } from './auth/session-cutoffs';
export { keepingAnAdministrator } from './orgs/keep-an-administrator';
export { createOrganization, type NewOrganization } from './orgs/create-organization';
export { ensureFirstAdmin } from './orgs/ensure-first-admin';
export { addAdministrator, resetMfa, type RecoveredAccess } from './orgs/recover-access';
export { IDENTITY_AUDIT_ACTIONS } from './identity-audit-actions';
export { passwordSchema, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-policy';
export { isSignedInWithOwnPassword } from './auth/password-change-gate';
