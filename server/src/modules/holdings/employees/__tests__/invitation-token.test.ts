import { describe, expect, it } from 'vitest';
import { INVITATION_TOKEN_PATTERN, invitationLink, invitationTokenHash, newInvitationToken } from '../invitation-token';

describe('invitation tokens', () => {
  it('should be 32 random bytes whose stored hash is their SHA-256 when a link is made', () => {
    const { token, hash } = newInvitationToken();
    expect(token).toMatch(INVITATION_TOKEN_PATTERN);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(hash.equals(invitationTokenHash(token))).toBe(true);
    expect(hash).toHaveLength(32);
  });

  it('should differ every time when many are made', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => newInvitationToken().token));
    expect(tokens.size).toBe(1000);
  });

  it('should carry the token in the fragment only when the link is built', () => {
    const url = new URL(invitationLink('https://vigil.example.com/', 'abc'));
    expect(url.pathname).toBe('/onboarding');
    expect(url.search).toBe('');
    expect(url.hash).toBe('#invitation=abc');
  });
});
