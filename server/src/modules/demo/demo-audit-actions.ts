/** What demo mode writes to the audit log. */
export const DEMO_AUDIT_ACTIONS = {
  /** Demo mode put a demo employee and its Employee account on the first organization's roster. */
  employeeSeeded: 'demo.employee_seeded',
} as const;
