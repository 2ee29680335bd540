import { describe, expect, it } from 'vitest';
import { BUILT_IN_ROLES } from '../permission-catalog';
import { assignmentRefusal, definitionRefusal, separationOfDutiesRefusal } from '../grants';

const admin = new Set<string>(BUILT_IN_ROLES.Admin.permissions);
const role = (name: keyof typeof BUILT_IN_ROLES) => ({ name, permissions: BUILT_IN_ROLES[name].permissions, builtIn: true });

describe('grants', () => {
  it('should keep every built-in role clear of separation of duties', () => {
    for (const name of Object.keys(BUILT_IN_ROLES) as (keyof typeof BUILT_IN_ROLES)[]) {
      expect(separationOfDutiesRefusal(BUILT_IN_ROLES[name].permissions)).toBeNull();
    }
    expect(separationOfDutiesRefusal(['api_keys:write', 'milestones:write'])?.code).toBe('BAD_USER_INPUT');
  });

  it('should refuse a definition holding what the writer lacks', () => {
    expect(definitionRefusal(admin, ['audit:read', 'users:read'])).toBeNull();
    expect(definitionRefusal(admin, ['alerts:write'])?.message).toBe(
      'You cannot grant permissions you do not hold: alerts:write',
    );
  });

  it('should let an Admin provision business roles to others, not to itself, and no administering permission it lacks', () => {
    expect(assignmentRefusal(admin, role('Funder'), false)).toBeNull();
    expect(assignmentRefusal(admin, role('Compliance'), false)).toBeNull();
    expect(assignmentRefusal(admin, role('Funder'), true)?.code).toBe('FORBIDDEN');
    expect(assignmentRefusal(admin, { name: 'Custom', permissions: ['alerts:write'], builtIn: false }, false)?.code).toBe(
      'FORBIDDEN',
    );
    const manager = new Set(['users:read', 'users:write', 'roles:read', 'roles:write']);
    expect(assignmentRefusal(manager, role('Admin'), false)?.message).toMatch(/partners:write/);
    expect(assignmentRefusal(manager, role('Viewer'), false)).toBeNull();
  });
});
