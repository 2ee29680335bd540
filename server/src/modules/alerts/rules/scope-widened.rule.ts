import { z } from 'zod';
import { defineAlertRule } from './alert-rule';

/** A stored key now holds a permission beyond reading: it is suspended and never used again. */
export const scopeWidenedRule = defineAlertRule({
  kind: 'scope_widened',
  severity: 'critical',
  subjectType: 'connection',
  summary: 'A stored key gains a trade, withdraw, transfer, margin or futures permission: it is suspended.',
  details: z.object({
    venue: z.string().min(1).max(100),
    /** The permissions the venue now reports beyond read-only. */
    permissions: z.array(z.string().min(1).max(100)).min(1).max(50),
  }),
  title: (subject) => `Key scope widened: ${subject.label}`,
  description: (_subject, d) =>
    `${d.venue} now reports ${d.permissions.join(', ')} for this key. Vigil suspended the connection and will not use ` +
    'the key again; the employee must revoke it at the venue and onboard a read-only key.',
});
