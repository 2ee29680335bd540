import { z } from 'zod';
import { defineAlertRule, utcText } from './alert-rule';

/** A venue reports an expiry for a key that comes soon: polling stops when it passes. */
export const keyExpiringRule = defineAlertRule({
  kind: 'key_expiring',
  severity: 'low',
  subjectType: 'connection',
  summary: 'A key the venue will expire soon: the employee should rotate it before polling stops.',
  details: z.object({
    venue: z.string().min(1).max(100),
    expiresAt: z.iso.datetime(),
  }),
  title: (subject) => `Key expiring: ${subject.label}`,
  description: (_subject, d) =>
    `${d.venue} expires this key at ${utcText(d.expiresAt)}. After that Vigil can no longer poll it; the employee should ` +
    'onboard a new read-only key before then.',
});
