import { describe, expect, it } from 'vitest';
import { fieldErrorOnLeave } from './fieldErrorOnLeave';

type Form = { name: string; roleId: string | null };

const validate = (form: Form) => ({
  name: form.name.trim() === '' ? 'Enter a name.' : null,
  roleId: form.roleId ? null : 'Choose a role.',
});

describe('fieldErrorOnLeave', () => {
  it('should show nothing when the field left is empty, even though submit would refuse it', () => {
    expect(fieldErrorOnLeave({ name: '', roleId: null }, 'name', validate)).toBeNull();
    expect(fieldErrorOnLeave({ name: '', roleId: null }, 'roleId', validate)).toBeNull();
  });

  it('should give the field its own message when it is filled but wrong', () => {
    expect(fieldErrorOnLeave({ name: '   ', roleId: null }, 'name', validate)).toEqual({ name: 'Enter a name.' });
  });

  it('should clear the field with null when it is filled and right, leaving the other fields alone', () => {
    expect(fieldErrorOnLeave({ name: 'Carla', roleId: null }, 'name', validate)).toEqual({ name: null });
  });
});
