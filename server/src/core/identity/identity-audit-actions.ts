/** Audit actions identity writes besides its root fields' entries. */
export const IDENTITY_AUDIT_ACTIONS = {
  /** The CLI's recovery commands. */
  administratorAdded: 'identity.administrator_added',
  mfaReset: 'identity.mfa_reset',
  /** A TOTP recovery code stood in for a TOTP code at step-up (which code, how many are left). */
  recoveryCodeUsed: 'identity.recovery_code_used',
} as const;
