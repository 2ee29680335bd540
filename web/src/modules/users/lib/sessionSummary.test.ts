import { describe, expect, it } from 'vitest';
import { sessionSummary } from './sessionSummary';

const now = Date.UTC(2026, 5, 1, 12);
const hoursAgo = (h: number) => new Date(now - h * 3_600_000).toISOString();

describe('session summary', () => {
  it('should say someone who never signed in has no session', () => {
    expect(sessionSummary({ lastSignInAt: null, sessionsEndedAt: null, disabled: false }, now)).toEqual({
      mayBeSignedIn: false,
      text: 'Has never signed in.',
    });
  });

  it('should say a recent sign-in may still be in use', () => {
    expect(sessionSummary({ lastSignInAt: hoursAgo(2), sessionsEndedAt: hoursAgo(30), disabled: false }, now).mayBeSignedIn).toBe(
      true,
    );
  });

  it('should say sessions ended after the last sign-in are over', () => {
    const s = sessionSummary({ lastSignInAt: hoursAgo(2), sessionsEndedAt: hoursAgo(1), disabled: false }, now);
    expect(s).toEqual({ mayBeSignedIn: false, text: 'Every session was ended after the last sign-in.' });
  });

  it('should say a sign-in over 24 hours old has expired, and a disabled user has none', () => {
    expect(sessionSummary({ lastSignInAt: hoursAgo(25), sessionsEndedAt: null, disabled: false }, now).text).toMatch(/expired/);
    expect(sessionSummary({ lastSignInAt: hoursAgo(1), sessionsEndedAt: null, disabled: true }, now).mayBeSignedIn).toBe(false);
  });
});
