import { describe, expect, it } from 'vitest';
import { EMPLOYEE_STATUS_OPTIONS, employeeStatusLook, isEmployeeStatus } from './employeeStatus';

describe('employeeStatusLook', () => {
  it('should name every status in words a compliance officer reads', () => {
    expect(employeeStatusLook('invited').label).toBe('Invited');
    expect(employeeStatusLook('active').label).toBe('Active');
    expect(employeeStatusLook('needs_reonboarding').label).toBe('Needs re-onboarding');
    expect(employeeStatusLook('offboarded').label).toBe('Offboarded');
  });

  it('should colour a status by what it asks of the reader, never red', () => {
    expect(employeeStatusLook('active').color).toBe('teal');
    expect(employeeStatusLook('invited').color).toBe('blue');
    expect(employeeStatusLook('needs_reonboarding').color).toBe('orange');
    expect(employeeStatusLook('offboarded').color).toBe('gray');
    const colors = EMPLOYEE_STATUS_OPTIONS.map((o) => employeeStatusLook(o.value).color);
    expect(new Set(colors).size).toBe(colors.length);
    expect(colors).not.toContain('red');
  });

  it('should offer the filter in lifecycle order when listing the choices', () => {
    expect(EMPLOYEE_STATUS_OPTIONS.map((o) => o.value)).toEqual(['invited', 'active', 'needs_reonboarding', 'offboarded']);
  });
});

describe('isEmployeeStatus', () => {
  it('should accept only the four statuses when reading a filter value', () => {
    expect(isEmployeeStatus('active')).toBe(true);
    expect(isEmployeeStatus('ACTIVE')).toBe(false);
    expect(isEmployeeStatus('constructor')).toBe(false);
    expect(isEmployeeStatus('')).toBe(false);
    expect(isEmployeeStatus(null)).toBe(false);
  });
});
