import { z } from 'zod';
import { defineAlertRule, utcText } from './alert-rule';

/** A venue refused a connection's key, confirmed by a scope re-check in the same cycle. */
export const connectionBrokenRule = defineAlertRule({
  kind: 'connection_broken',
  severity: 'high',
  subjectType: 'connection',
  summary: 'A venue refuses a connection’s key (confirmed by a second check): its holdings are no longer watched.',
  details: z.object({
    venue: z.string().min(1).max(100),
    /** What the venue answered, without credentials. */
    error: z.string().max(500).optional(),
    since: z.iso.datetime().optional(),
  }),
  title: (subject) => `Connection broken: ${subject.label}`,
  description: (_subject, d) =>
    `${d.venue} refused the key${d.since ? ` since ${utcText(d.since)}` : ''}${d.error ? ` (${d.error})` : ''}. ` +
    'Polling has stopped for this connection; the employee needs to onboard a new read-only key.',
});
