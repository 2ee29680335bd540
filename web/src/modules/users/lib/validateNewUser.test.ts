import { describe, expect, it } from 'vitest';
import { validateNewUser } from './validateNewUser';

const valid = { name: 'Carla Compliance', email: 'carla@acme.test', roleId: 'r-1', password: 'Compliance-password-1' };

describe('validateNewUser', () => {
  it('should find nothing wrong when every field is filled as the server wants', () => {
    expect(validateNewUser(valid)).toEqual({ name: null, email: null, roleId: null, password: null });
  });

  it('should say the password is short and by how much when it has fewer than 12 characters', () => {
    expect(validateNewUser({ ...valid, password: 'abc123' }).password).toBe(
      'Use at least 12 characters (6 more). A long passphrase beats a short complex one.',
    );
  });

  it('should say the email is malformed when it has no domain', () => {
    expect(validateNewUser({ ...valid, email: 'carla@' }).email).toMatch(/Not a valid email address/);
  });

  it('should ask for a name and a role when they are missing', () => {
    const errors = validateNewUser({ ...valid, name: '  ', roleId: null });
    expect(errors.name).toMatch(/full name/);
    expect(errors.roleId).toMatch(/Choose the role/);
    expect(errors.email).toBeNull();
  });
});
