// How long a step-up lasts. The server has no AAL2 age of its own: stepUp answers a new session token
// at AAL2 that lives as long as any token, ACCESS_TOKEN_TTL_SECONDS (24 h, claim H12) in
// server/src/core/identity/auth/access-token.ts. It ends sooner when the person signs out, changes
// their password (the new session is AAL1) or is given another role (their sessions end).
export const STEP_UP_LIFETIME_HOURS = 24;

export const STEP_UP_LIFETIME_TEXT =
  `You then stay verified for ${STEP_UP_LIFETIME_HOURS} hours in this session, ` +
  'unless you sign out, change your password or your role changes.';
