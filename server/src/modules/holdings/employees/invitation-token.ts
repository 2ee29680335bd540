import { createHash, randomBytes } from 'node:crypto';

/** How long an invitation link works (issue 10: 7 days). */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** 32 random bytes, base64url: 43 characters. */
export const INVITATION_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A fresh link token and the only thing stored of it: its SHA-256. */
export function newInvitationToken(): { token: string; hash: Buffer } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: invitationTokenHash(token) };
}

export const invitationTokenHash = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();

/**
 * The link the employee opens. The token rides in the fragment, which browsers never send to a
 * server or put in a Referer, so it cannot land in an access log or a proxy on the way.
 */
export const invitationLink = (publicOrigin: string, token: string): string =>
  `${publicOrigin.replace(/\/+$/, '')}/onboarding#invitation=${token}`;
