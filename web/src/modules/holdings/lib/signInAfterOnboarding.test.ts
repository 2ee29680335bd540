import { describe, expect, it } from 'vitest';
import { signInPathFor } from './signInAfterOnboarding';

describe('signInPathFor', () => {
  it('should name the organization in ?org= when sending the new employee to sign in', () => {
    expect(signInPathFor('acme')).toBe('/sign-in?org=acme');
  });

  it('should encode an organization slug so it cannot add parameters', () => {
    expect(signInPathFor('a&b=c#d')).toBe('/sign-in?org=a%26b%3Dc%23d');
  });
});
