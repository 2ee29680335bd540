import { describe, expect, it } from 'vitest';
import { readNeededBy, togglePermission, writeHolding } from './permissionSelection';

const catalog = ['users:read', 'users:write', 'audit:read', 'api_keys:read', 'api_keys:write'];

describe('togglePermission', () => {
  it('should tick read as well when write is ticked', () => {
    expect(togglePermission(catalog, [], 'users:write', true)).toEqual(['users:read', 'users:write']);
  });

  it('should keep read ticked when someone unticks it while write is ticked', () => {
    const selected = ['users:read', 'users:write'];
    expect(togglePermission(catalog, selected, 'users:read', false)).toEqual(selected);
  });

  it('should leave read ticked when write is unticked', () => {
    expect(togglePermission(catalog, ['users:read', 'users:write'], 'users:write', false)).toEqual(['users:read']);
  });

  it('should untick read when no write holds it', () => {
    expect(togglePermission(catalog, ['users:read', 'audit:read'], 'users:read', false)).toEqual(['audit:read']);
  });

  it('should keep the catalog order whatever order things were ticked in', () => {
    const selected = togglePermission(catalog, ['audit:read'], 'api_keys:write', true);
    expect(togglePermission(catalog, selected, 'users:read', true)).toEqual([
      'users:read',
      'audit:read',
      'api_keys:read',
      'api_keys:write',
    ]);
  });

  it('should not invent a read that the catalog does not have', () => {
    expect(togglePermission(['deals:write'], [], 'deals:write', true)).toEqual(['deals:write']);
  });
});

describe('readNeededBy and writeHolding', () => {
  it('should name the read of a write, and nothing for a read', () => {
    expect(readNeededBy('api_keys:write')).toBe('api_keys:read');
    expect(readNeededBy('api_keys:read')).toBeNull();
  });

  it('should name the ticked write that holds a read', () => {
    expect(writeHolding(['users:read', 'users:write'], 'users:read')).toBe('users:write');
    expect(writeHolding(['users:read'], 'users:read')).toBeNull();
  });
});
