/**
 * The outcomes an entry can record, declared once (the database enum mirrors it, migration
 * 0005). A module of its own, without the hashing code: the export path loads it and nothing else.
 */
export const AUDIT_OUTCOMES = ['allowed', 'denied', 'error'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];
