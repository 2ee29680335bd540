import { EntitySchema } from '@mikro-orm/core';

export class User {
  id!: string;
  orgId!: string;
  email!: string;
  name!: string;
  passwordHash!: string;
  roleId!: string;
  disabled!: boolean;
  mfaSecretEnc!: string | null;
  mfaPendingEnc!: string | null;
  mfaEnabledAt!: Date | null;
  totpLastStep!: string;
  passwordChangedAt!: Date;
  /** Someone else set the password (an Admin, the CLI): the user must choose their own first. */
  mustChangePassword!: boolean;
  lastSignInAt!: Date | null;
  /** When every session of the user was last ended (session-cutoffs.ts). */
  sessionsEndedAt!: Date | null;
  createdAt!: Date;
  updatedAt!: Date;
}

export const UserSchema = new EntitySchema<User>({
  class: User,
  tableName: 'users',
  properties: {
    id: { type: 'uuid', primary: true, defaultRaw: 'gen_random_uuid()' },
    orgId: { type: 'uuid', fieldName: 'org_id' },
    email: { type: 'text' },
    name: { type: 'text' },
    passwordHash: { type: 'text', fieldName: 'password_hash', lazy: true },
    roleId: { type: 'uuid', fieldName: 'role_id' },
    disabled: { type: 'boolean', default: false },
    mfaSecretEnc: { type: 'text', fieldName: 'mfa_secret_enc', nullable: true, lazy: true },
    mfaPendingEnc: { type: 'text', fieldName: 'mfa_pending_enc', nullable: true, lazy: true },
    mfaEnabledAt: { type: 'Date', columnType: 'timestamptz(3)', fieldName: 'mfa_enabled_at', nullable: true },
    // bigint arrives as a string from pg; only compared in SQL.
    totpLastStep: { type: 'bigint', fieldName: 'totp_last_step', default: 0 },
    passwordChangedAt: { type: 'Date', columnType: 'timestamptz(3)', fieldName: 'password_changed_at', defaultRaw: 'now()' },
    mustChangePassword: { type: 'boolean', fieldName: 'must_change_password', default: false },
    lastSignInAt: { type: 'Date', columnType: 'timestamptz(3)', fieldName: 'last_sign_in_at', nullable: true },
    sessionsEndedAt: { type: 'Date', columnType: 'timestamptz(3)', fieldName: 'sessions_ended_at', nullable: true },
    createdAt: { type: 'Date', columnType: 'timestamptz(3)', defaultRaw: 'now()' },
    updatedAt: { type: 'Date', columnType: 'timestamptz(3)', defaultRaw: 'now()', onUpdate: () => new Date() },
  },
});
