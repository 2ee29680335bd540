// The server's link token: 32 random bytes, base64url (server/.../invitation-token.ts).
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export type InvitationFragment =
  | { kind: 'token'; token: string }
  /** The address has no `#invitation=` part at all. */
  | { kind: 'missing' }
  /** It has one, but not a whole token: usually a link cut short by a mail program. */
  | { kind: 'malformed' };

/**
 * Reads the invitation token from the address's fragment (`#invitation=<token>`). The token rides
 * in the fragment because browsers never send a fragment to a server or put it in a Referer.
 */
export function invitationFromFragment(hash: string): InvitationFragment {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  if (fragment === '') return { kind: 'missing' };
  const value = new URLSearchParams(fragment).get('invitation');
  if (value === null) return { kind: 'missing' };
  const token = value.trim();
  return TOKEN.test(token) ? { kind: 'token', token } : { kind: 'malformed' };
}
