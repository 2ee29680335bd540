// What the user detail page can honestly say about someone's sessions. The server stores no list of
// sessions (a token is valid for 24 hours unless a cutoff refuses it), only the last password
// sign-in and the last time every session of the user was ended.
export const SESSION_LIFETIME_MS = 24 * 60 * 60 * 1000;

export type SessionFacts = { lastSignInAt: string | null; sessionsEndedAt: string | null; disabled: boolean };

export type SessionSummary = { mayBeSignedIn: boolean; text: string };

export function sessionSummary(user: SessionFacts, now: number): SessionSummary {
  if (user.disabled) return { mayBeSignedIn: false, text: 'Disabled: every session was ended and no new one can start.' };
  if (!user.lastSignInAt) return { mayBeSignedIn: false, text: 'Has never signed in.' };
  const signedIn = Date.parse(user.lastSignInAt);
  const ended = user.sessionsEndedAt ? Date.parse(user.sessionsEndedAt) : Number.NEGATIVE_INFINITY;
  if (ended >= signedIn) return { mayBeSignedIn: false, text: 'Every session was ended after the last sign-in.' };
  if (now - signedIn >= SESSION_LIFETIME_MS)
    return { mayBeSignedIn: false, text: 'The last sign-in is over 24 hours old: its session has expired.' };
  return { mayBeSignedIn: true, text: 'May be signed in: the last sign-in is under 24 hours old and its session was not ended.' };
}
