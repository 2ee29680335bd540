import type { EmployeeStatus } from '@/generated/graphql';

export type EmployeeAction = 'resendInvitation' | 'edit' | 'requireReonboarding' | 'offboard';

/** Whether an action can be used on this employee by this person, and if not, why (in words). */
export type ActionAvailability = { blockedReason: string | null };

type Subject = { status: EmployeeStatus; hasAccount: boolean };

function roleReason(permissions: readonly string[], needed: string[], what: string): string | null {
  const missing = needed.filter((p) => !permissions.includes(p));
  return missing.length === 0 ? null : `Your role cannot ${what} (needs ${missing.join(' and ')}).`;
}

/**
 * Mirrors the server's rules (employee.service.ts, holdings.fields.ts) so a button can say why it
 * is off before anyone tries; the server still decides every request.
 */
export function employeeActions(subject: Subject, permissions: readonly string[]): Record<EmployeeAction, ActionAvailability> {
  const offboarded = subject.status === 'offboarded';
  const gone = 'An offboarded employee is kept as history and cannot be changed.';

  const resendInvitation =
    roleReason(permissions, ['employees:write'], 're-send invitations') ??
    (offboarded
      ? gone
      : subject.status !== 'invited' || subject.hasAccount
        ? 'Only while the employee is invited: they have already chosen a password.'
        : null);

  const edit = roleReason(permissions, ['employees:write'], 'edit employees') ?? (offboarded ? gone : null);

  const requireReonboarding =
    roleReason(permissions, ['employees:read', 'connections:write'], 'require re-onboarding') ??
    (subject.status === 'active'
      ? null
      : subject.status === 'needs_reonboarding'
        ? 'Already waiting for the employee to re-onboard.'
        : subject.status === 'invited'
          ? 'The employee has not onboarded yet.'
          : gone);

  // Offboarding an employee with an account disables that account: it needs what disabling a user needs.
  const offboardNeeds = subject.hasAccount ? ['employees:write', 'users:write'] : ['employees:write'];
  const offboard = roleReason(permissions, offboardNeeds, 'offboard employees') ?? (offboarded ? 'Already offboarded.' : null);

  return {
    resendInvitation: { blockedReason: resendInvitation },
    edit: { blockedReason: edit },
    requireReonboarding: { blockedReason: requireReonboarding },
    offboard: { blockedReason: offboard },
  };
}
