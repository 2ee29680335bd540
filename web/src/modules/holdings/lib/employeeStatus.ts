import type { EmployeeStatus } from '@/generated/graphql';

export type EmployeeStatusLook = {
  label: string;
  /** A Mantine colour that means something: teal fine, blue waiting, orange needs action, gray gone. */
  color: string;
  /** One sentence on what the status means for oversight. */
  meaning: string;
};

// Red is kept for broken connections (the next slice): an employee's status is never an alarm.
const LOOKS: Record<EmployeeStatus, EmployeeStatusLook> = {
  invited: {
    label: 'Invited',
    color: 'blue',
    meaning: 'Has an invitation link but no account yet; nothing is monitored until they onboard.',
  },
  active: {
    label: 'Active',
    color: 'teal',
    meaning: 'Has an account and counts as onboarded.',
  },
  needs_reonboarding: {
    label: 'Needs re-onboarding',
    color: 'orange',
    meaning: 'Compliance asked for a fresh, verified read-only key; not counted as active until it is in.',
  },
  offboarded: {
    label: 'Offboarded',
    color: 'gray',
    meaning: 'No access and no polling any more; everything recorded is kept.',
  },
};

export function employeeStatusLook(status: EmployeeStatus): EmployeeStatusLook {
  return LOOKS[status];
}

/** The status filter's choices, in lifecycle order. */
export const EMPLOYEE_STATUS_OPTIONS: ReadonlyArray<{ value: EmployeeStatus; label: string }> = (
  ['invited', 'active', 'needs_reonboarding', 'offboarded'] as const
).map((value) => ({ value, label: LOOKS[value].label }));

export function isEmployeeStatus(value: string | null): value is EmployeeStatus {
  return value !== null && Object.hasOwn(LOOKS, value);
}
