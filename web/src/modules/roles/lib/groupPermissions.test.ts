import { describe, expect, it } from 'vitest';
import { groupPermissions, humanizeResource } from './groupPermissions';

describe('groupPermissions', () => {
  it('should put read and write of one resource on one row when both exist', () => {
    expect(groupPermissions(['users:read', 'users:write', 'audit:read'])).toEqual([
      { resource: 'users', read: 'users:read', write: 'users:write', other: [] },
      { resource: 'audit', read: 'audit:read', write: null, other: [] },
    ]);
  });

  it('should keep unusual verbs on the row instead of dropping them', () => {
    expect(groupPermissions(['deals:release'])).toEqual([
      { resource: 'deals', read: null, write: null, other: ['deals:release'] },
    ]);
  });

  it('should be empty when the catalog is empty', () => {
    expect(groupPermissions([])).toEqual([]);
  });
});

describe('humanizeResource', () => {
  it('should capitalize and space out snake_case names', () => {
    expect(humanizeResource('audit_log')).toBe('Audit log');
  });

  it('should keep acronyms in capitals when a name starts with one', () => {
    expect(humanizeResource('api_keys')).toBe('API keys');
  });
});
