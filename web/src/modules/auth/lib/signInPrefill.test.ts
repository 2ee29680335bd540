import { describe, expect, it } from 'vitest';
import { signInPrefill } from './signInPrefill';

const search = (query: string) => new URLSearchParams(query);

describe('signInPrefill', () => {
  it('should fill in the organization and the email just onboarded when onboarding hands over', () => {
    const handover = { email: 'erin.employee@acme.test', notice: 'Your account is ready. Sign in.' };
    expect(signInPrefill(search('org=acme'), handover, 'other-org')).toEqual({
      organization: 'acme',
      email: 'erin.employee@acme.test',
      notice: 'Your account is ready. Sign in.',
    });
  });

  it('should fall back to the last organization and an empty email when nothing is handed over', () => {
    expect(signInPrefill(search(''), null, 'acme')).toEqual({ organization: 'acme', email: '', notice: null });
  });

  it('should take no email from a return path state when a session ended elsewhere', () => {
    expect(signInPrefill(search(''), { from: '/users' }, '')).toEqual({ organization: '', email: '', notice: null });
  });

  it('should ignore state values that are not short strings when another page put something else there', () => {
    const state = { email: 42, notice: 'x'.repeat(501) };
    expect(signInPrefill(search('org=acme'), state, '')).toEqual({ organization: 'acme', email: '', notice: null });
  });
});
