import { z } from 'zod';
import { defineAlertRule } from './alert-rule';

/** A venue offers no way to check a key's permissions: the connection is stored unverified. */
export const scopeUnverifiedRule = defineAlertRule({
  kind: 'scope_unverified',
  severity: 'medium',
  subjectType: 'connection',
  summary: 'A connection is stored at a venue that cannot prove its key is read-only.',
  details: z.object({
    venue: z.string().min(1).max(100),
    reason: z.string().max(500).optional(),
  }),
  title: (subject) => `Key scope unverified: ${subject.label}`,
  description: (_subject, d) =>
    `${d.venue} does not report a key's permissions${d.reason ? ` (${d.reason})` : ''}, so Vigil cannot prove this ` +
    'key is read-only. Confirm its permissions with the employee.',
});
