/** What holdings writes to the audit log besides its root fields' query.* / mutation.* entries. */
export const HOLDINGS_AUDIT_ACTIONS = {
  /** The poller found a key's scope wider than read-only and stopped using it. */
  connectionSuspended: 'holdings.connection_suspended',
  /** A venue refused a key twice in one cycle: the connection is broken. */
  connectionBroken: 'holdings.connection_broken',
} as const;
