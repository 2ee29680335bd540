import { describe, expect, it } from 'vitest';
import { deleteRoleBlockedReason } from './deleteRoleBlockedReason';

describe('deleteRoleBlockedReason', () => {
  it('should say a built-in role cannot be deleted', () => {
    expect(deleteRoleBlockedReason({ builtIn: true, userCount: 0 })).toMatch(/Built-in roles cannot be deleted/);
  });

  it('should name how many users hold a custom role in use', () => {
    expect(deleteRoleBlockedReason({ builtIn: false, userCount: 3 })).toMatch(/^3 users hold this role/);
    expect(deleteRoleBlockedReason({ builtIn: false, userCount: 1 })).toMatch(/^1 user holds this role/);
  });

  it('should allow deleting a custom role nobody holds', () => {
    expect(deleteRoleBlockedReason({ builtIn: false, userCount: 0 })).toBeNull();
  });
});
