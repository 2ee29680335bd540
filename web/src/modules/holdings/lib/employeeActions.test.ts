import { describe, expect, it } from 'vitest';
import { employeeActions } from './employeeActions';

const ADMIN = ['employees:read', 'employees:write', 'users:read', 'users:write', 'connections:read'];
const COMPLIANCE = ['employees:read', 'connections:read', 'connections:write', 'alerts:write'];
const VIEWER = ['employees:read', 'connections:read'];

const invited = { status: 'invited' as const, hasAccount: false };
const active = { status: 'active' as const, hasAccount: true };
const reonboarding = { status: 'needs_reonboarding' as const, hasAccount: true };
const offboarded = { status: 'offboarded' as const, hasAccount: true };

describe('employeeActions', () => {
  it('should let an admin re-send, edit and offboard an invited employee, but not require re-onboarding', () => {
    const a = employeeActions(invited, ADMIN);
    expect(a.resendInvitation.blockedReason).toBeNull();
    expect(a.edit.blockedReason).toBeNull();
    expect(a.offboard.blockedReason).toBeNull();
    expect(a.requireReonboarding.blockedReason).toMatch(/needs connections:write/);
  });

  it('should offer the re-send only while the employee is invited', () => {
    expect(employeeActions(active, ADMIN).resendInvitation.blockedReason).toMatch(/Only while the employee is invited/);
    expect(employeeActions({ status: 'invited', hasAccount: true }, ADMIN).resendInvitation.blockedReason).not.toBeNull();
  });

  it('should let compliance require re-onboarding of an active employee only', () => {
    expect(employeeActions(active, COMPLIANCE).requireReonboarding.blockedReason).toBeNull();
    expect(employeeActions(reonboarding, COMPLIANCE).requireReonboarding.blockedReason).toMatch(/Already waiting/);
    expect(employeeActions(invited, COMPLIANCE).requireReonboarding.blockedReason).toMatch(/not onboarded yet/);
    expect(employeeActions(active, COMPLIANCE).offboard.blockedReason).toMatch(/needs employees:write and users:write/);
  });

  it('should need users:write to offboard an employee who has an account', () => {
    const adminWithoutUsers = ADMIN.filter((p) => p !== 'users:write');
    expect(employeeActions(active, adminWithoutUsers).offboard.blockedReason).toMatch(/needs users:write/);
    expect(employeeActions(invited, adminWithoutUsers).offboard.blockedReason).toBeNull();
  });

  it('should block every action for a viewer, naming the missing permission', () => {
    const a = employeeActions(active, VIEWER);
    for (const action of Object.values(a)) expect(action.blockedReason).toMatch(/Your role cannot/);
  });

  it('should block every change once the employee is offboarded', () => {
    const a = employeeActions(offboarded, [...ADMIN, 'connections:write']);
    for (const action of Object.values(a)) expect(action.blockedReason).not.toBeNull();
  });
});
