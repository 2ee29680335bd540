import { describe, expect, it } from 'vitest';
import { roleDraftChanged, validateRoleDraft } from './roleDraft';

const draft = { name: 'Auditor', description: 'Reads the log', permissions: ['audit:read'] };

describe('validateRoleDraft', () => {
  it('should ask for a name when it is blank', () => {
    expect(validateRoleDraft({ ...draft, name: '   ' }).name).toMatch(/Give the role a name/);
  });

  it('should refuse a name longer than the server keeps', () => {
    expect(validateRoleDraft({ ...draft, name: 'x'.repeat(81) }).name).toMatch(/at most 80/);
  });

  it('should find nothing wrong with a named role', () => {
    expect(validateRoleDraft(draft)).toEqual({ name: null, description: null });
  });
});

describe('roleDraftChanged', () => {
  it('should see no change when only spaces around the name or the permission order differ', () => {
    const after = { ...draft, name: ' Auditor ', permissions: ['audit:read'] };
    expect(roleDraftChanged(draft, after)).toEqual({ permissions: false, any: false });
  });

  it('should tell a permission change from a text change', () => {
    expect(roleDraftChanged(draft, { ...draft, permissions: [] })).toEqual({ permissions: true, any: true });
    expect(roleDraftChanged(draft, { ...draft, description: 'Other' })).toEqual({ permissions: false, any: true });
  });
});
