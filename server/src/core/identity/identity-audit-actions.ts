/** Audit actions identity writes besides its root fields' entries: the CLI's recovery commands. */
export const IDENTITY_AUDIT_ACTIONS = {
  administratorAdded: 'identity.administrator_added',
  mfaReset: 'identity.mfa_reset',
} as const;
