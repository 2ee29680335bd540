import { describe, expect, it } from 'vitest';
import { validateEmployeeForm } from './validateEmployeeForm';

const VALID = { name: 'Erin Employee', email: 'erin@acme.test', department: 'Trading' };

describe('validateEmployeeForm', () => {
  it('should accept a name and email when the department is left empty', () => {
    expect(validateEmployeeForm({ ...VALID, department: '' })).toEqual({ name: null, email: null, department: null });
  });

  it('should ask for a name when only spaces were typed', () => {
    expect(validateEmployeeForm({ ...VALID, name: '   ' }).name).toMatch(/full name/);
  });

  it('should refuse an address without a domain', () => {
    expect(validateEmployeeForm({ ...VALID, email: 'erin@' }).email).not.toBeNull();
  });

  it('should refuse values longer than the server keeps', () => {
    expect(validateEmployeeForm({ ...VALID, name: 'x'.repeat(201) }).name).toMatch(/200/);
    expect(validateEmployeeForm({ ...VALID, department: 'x'.repeat(121) }).department).toMatch(/120/);
    expect(validateEmployeeForm({ ...VALID, department: 'x'.repeat(120) }).department).toBeNull();
  });
});
