import { validateEmail } from '@/ui/lib/validateEmail';

// The server's limits (server/src/modules/holdings/employees/employee.service.ts); the server decides.
export const EMPLOYEE_NAME_MAX_LENGTH = 200;
export const DEPARTMENT_MAX_LENGTH = 120;

export type EmployeeField = 'name' | 'email' | 'department';
export type EmployeeForm = Record<EmployeeField, string>;

export function validateEmployeeName(value: string): string | null {
  const name = value.trim();
  if (name === '') return 'Enter the employee’s full name.';
  if (name.length > EMPLOYEE_NAME_MAX_LENGTH) return `Use at most ${EMPLOYEE_NAME_MAX_LENGTH} characters.`;
  return null;
}

export function validateDepartment(value: string): string | null {
  return value.trim().length > DEPARTMENT_MAX_LENGTH ? `Use at most ${DEPARTMENT_MAX_LENGTH} characters.` : null;
}

/** What is wrong with each field of the invitation form (null: nothing). The department is optional. */
export function validateEmployeeForm(form: EmployeeForm): Record<EmployeeField, string | null> {
  return {
    name: validateEmployeeName(form.name),
    email: validateEmail(form.email),
    department: validateDepartment(form.department),
  };
}
