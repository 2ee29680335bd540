/** Audit actions alerts writes besides its root fields' entries. */
export const ALERTS_AUDIT_ACTIONS = {
  /** Vigil raised an alert (a system action, in the raiser's transaction). */
  opened: 'alerts.opened',
} as const;
