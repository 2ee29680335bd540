/**
 * The audit actions the audit module writes besides its root fields' `query.*` entries. Every
 * root field's entry is `query.<field>` or `mutation.<field>`; other actions are declared by
 * the module that writes them (its manifest's `auditActions`).
 */
export const AUDIT_ACTIONS = {
  exportCsv: 'audit.export_csv',
  chainVerified: 'audit.chain_verified',
  chainVerificationFailed: 'audit.chain_verification_failed',
  /** A signed-in request refused before any field ran: parse, validation, limits. */
  requestRejected: 'graphql.rejected',
  /** A signed-in operation that asked only for meta fields (`__typename`, introspection). */
  metaOnly: 'graphql.meta',
} as const;
