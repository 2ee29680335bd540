/**
 * The chain of the platform's own security events: those that name no organization, such as a
 * sign-in to an organization slug that does not exist. It is an audit chain like any org's
 * (linked, verified, append-only) under an org id no organization can have, so no tenant reads
 * it (RLS matches the caller's org); operators read it with the CLI (`security-events`).
 */
export const PLATFORM_CHAIN_ORG_ID = '00000000-0000-0000-0000-000000000000';
