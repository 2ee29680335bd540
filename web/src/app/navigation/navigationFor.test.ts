import { describe, expect, it } from 'vitest';
import { hasPermission } from '../permissions/hasPermission';
import { landingPathFor, navigationFor, returnPathFor } from './navigationFor';

const keys = (permissions: string[]) => navigationFor(permissions).map((item) => item.key);

describe('navigationFor', () => {
  it('should show only Account when the role has no permissions', () => {
    expect(keys([])).toEqual(['account']);
  });

  it('should show Users, Roles and Audit when the role may read them', () => {
    expect(keys(['users:read', 'roles:read', 'audit:read', 'deals:read'])).toEqual(['users', 'roles', 'audit', 'account']);
  });

  it('should show Employees, Feed health, Alerts and Audit but not Users or Roles when the role is compliance-like', () => {
    expect(keys(['employees:read', 'alerts:read', 'alerts:write', 'audit:read'])).toEqual([
      'employees',
      'feed-health',
      'alerts',
      'audit',
      'account',
    ]);
  });

  it('should not treat a write permission as read when read is missing', () => {
    expect(keys(['users:write'])).toEqual(['account']);
  });

  it('should not match permissions by prefix when names overlap', () => {
    expect(hasPermission(['users:readonly'], 'users:read')).toBe(false);
  });
});

describe('landingPathFor', () => {
  it('should land on the first readable page when there is one', () => {
    expect(landingPathFor(['audit:read', 'roles:read'])).toBe('/roles');
  });

  it('should land on Account when nothing else is readable', () => {
    expect(landingPathFor(['deals:read'])).toBe('/account');
  });
});

describe('returnPathFor', () => {
  const admin = ['users:read', 'roles:read', 'audit:read', 'employees:read', 'alerts:read'];
  const viewer = ['employees:read', 'connections:read', 'balances:read', 'alerts:read'];

  it('should go back to the page the session had open when the role still opens it', () => {
    expect(returnPathFor(admin, '/users')).toBe('/users');
    expect(returnPathFor(admin, '/audit?action=mutation.login')).toBe('/audit?action=mutation.login');
  });

  it('should go back to a page with a parameter when the role opens it', () => {
    expect(returnPathFor(admin, '/users/3f2a9c1e-0b7d-4c55-9a1e-2b3c4d5e6f70')).toBe(
      '/users/3f2a9c1e-0b7d-4c55-9a1e-2b3c4d5e6f70',
    );
  });

  it('should land on the first page the role opens when the role changed and no longer opens the page (Admin → Viewer)', () => {
    expect(returnPathFor(viewer, '/users')).toBe('/employees');
    expect(returnPathFor(viewer, '/users/3f2a9c1e-0b7d-4c55-9a1e-2b3c4d5e6f70')).toBe('/employees');
    expect(returnPathFor([], '/audit')).toBe('/account');
  });

  it('should go back to a page every signed-in person has whatever the role', () => {
    expect(returnPathFor([], '/account')).toBe('/account');
  });

  it('should land when there is no return path, an unknown one, a public page or another origin', () => {
    expect(returnPathFor(admin, undefined)).toBe('/users');
    expect(returnPathFor(admin, '/')).toBe('/users');
    expect(returnPathFor(admin, '/no-such-page')).toBe('/users');
    expect(returnPathFor(admin, '/sign-in')).toBe('/users');
    expect(returnPathFor(admin, '//evil.test/users')).toBe('/users');
    expect(returnPathFor(admin, '/\\evil.test/users')).toBe('/users');
    expect(returnPathFor(admin, 'https://evil.test/users')).toBe('/users');
  });
});
