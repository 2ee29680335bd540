import { describe, expect, it } from 'vitest';
import { hasPermission } from '../permissions/hasPermission';
import { landingPathFor, navigationFor } from './navigationFor';

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
