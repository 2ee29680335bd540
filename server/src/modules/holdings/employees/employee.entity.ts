import { EntitySchema } from '@mikro-orm/core';

export type EmployeeStatus = 'invited' | 'active' | 'needs_reonboarding' | 'offboarded';
export const EMPLOYEE_STATUSES: readonly EmployeeStatus[] = ['invited', 'active', 'needs_reonboarding', 'offboarded'];

export class Employee {
  id!: string;
  orgId!: string;
  name!: string;
  email!: string;
  department!: string;
  status!: EmployeeStatus;
  userId!: string | null;
  statusChangedAt!: Date;
  statusNote!: string | null;
  createdAt!: Date;
  updatedAt!: Date;
}

export const EmployeeSchema = new EntitySchema<Employee>({
  class: Employee,
  tableName: 'employees',
  properties: {
    id: { type: 'uuid', primary: true, defaultRaw: 'gen_random_uuid()' },
    orgId: { type: 'uuid', fieldName: 'org_id' },
    name: { type: 'text' },
    email: { type: 'text' },
    department: { type: 'text', default: '' },
    status: { enum: true, items: () => [...EMPLOYEE_STATUSES], default: 'invited' },
    userId: { type: 'uuid', fieldName: 'user_id', nullable: true },
    statusChangedAt: { type: 'Date', columnType: 'timestamptz(3)', fieldName: 'status_changed_at', defaultRaw: 'now()' },
    statusNote: { type: 'text', fieldName: 'status_note', nullable: true },
    createdAt: { type: 'Date', columnType: 'timestamptz(3)', defaultRaw: 'now()' },
    updatedAt: { type: 'Date', columnType: 'timestamptz(3)', defaultRaw: 'now()', onUpdate: () => new Date() },
  },
});

export class EmployeeInvitation {
  id!: string;
  orgId!: string;
  employeeId!: string;
  tokenHash!: Buffer;
  createdBy!: string | null;
  createdAt!: Date;
  expiresAt!: Date;
  usedAt!: Date | null;
  revokedAt!: Date | null;
}

export const EmployeeInvitationSchema = new EntitySchema<EmployeeInvitation>({
  class: EmployeeInvitation,
  tableName: 'employee_invitations',
  properties: {
    id: { type: 'uuid', primary: true, defaultRaw: 'gen_random_uuid()' },
    orgId: { type: 'uuid', fieldName: 'org_id' },
    employeeId: { type: 'uuid', fieldName: 'employee_id' },
    tokenHash: { type: 'Buffer', columnType: 'bytea', fieldName: 'token_hash' },
    createdBy: { type: 'uuid', fieldName: 'created_by', nullable: true },
    createdAt: { type: 'Date', columnType: 'timestamptz(3)', defaultRaw: 'now()' },
    expiresAt: { type: 'Date', columnType: 'timestamptz(3)', fieldName: 'expires_at' },
    usedAt: { type: 'Date', columnType: 'timestamptz(3)', fieldName: 'used_at', nullable: true },
    revokedAt: { type: 'Date', columnType: 'timestamptz(3)', fieldName: 'revoked_at', nullable: true },
  },
});
