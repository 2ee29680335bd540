import { describe, expect, it } from 'vitest';
import { OWN_ROLE_WARNING, ownRoleSignedOutNotice, roleChangeRefusal } from './roleChangeText';

describe('role change texts', () => {
  it('should warn in the first person that saving signs you out', () => {
    expect(OWN_ROLE_WARNING).toMatch(/^You are changing your own role/);
    expect(OWN_ROLE_WARNING).toMatch(/signed out/);
  });

  it('should name the new role on the sign-in page', () => {
    expect(ownRoleSignedOutNotice('Viewer')).toMatch(/^Your role was changed to Viewer\./);
  });

  it('should explain the last-administrator refusal, to oneself and about someone else', () => {
    expect(roleChangeRefusal('CONFLICT', 'server words', true)).toMatch(
      /^Not changed: You are the organization’s last administrator/,
    );
    expect(roleChangeRefusal('CONFLICT', 'server words', false)).toMatch(/This person is the organization’s last administrator/);
  });

  it('should pass any other refusal through as the server wrote it', () => {
    expect(roleChangeRefusal('FORBIDDEN', 'You cannot grant permissions you do not hold', true)).toBe(
      'You cannot grant permissions you do not hold',
    );
    expect(roleChangeRefusal(null, 'Network down', false)).toBe('Network down');
  });
});
