import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { appendInTransaction, type AuditEntryMac } from '@/core/audit';
import { textProblem } from '@/lib/text/input-text';
import { ALERT_SEVERITIES, type AlertSeverity, type AlertSubject } from './alert-model';
import { openAlertSql } from './alert.queries';
import { ALERTS_AUDIT_ACTIONS } from './alerts-audit-actions';
import { alertRuleFor, type AlertDetailsOf, type AlertKind } from './rules';

export type OpenAlertInput<K extends AlertKind> = {
  orgId: string;
  kind: K;
  /** The rule's default unless given. */
  severity?: AlertSeverity;
  subject: AlertSubject;
  employeeId?: string | null;
  /**
   * Names the triggering event, unique per org: the same key raises one alert, however often and
   * however concurrently it is raised, and once that alert is resolved the key stays spent. A
   * new occurrence is a new event with a key of its own: `connection_broken:<id>:<broken since>`.
   */
  idempotencyKey: string;
  details: AlertDetailsOf<K>;
};

/** Who raises it: the system source its event and audit entry name, and the audit signer. */
export type AlertRaiser = { source: string; signer: AuditEntryMac };

export type OpenedAlert = { id: string; created: boolean };

const plain = (max: number) =>
  z.string().refine((s) => s.trim().length > 0 && textProblem(s, max) === undefined, 'must be plain text');
const baseInput = z.object({
  orgId: z.uuid(),
  severity: z.enum(ALERT_SEVERITIES).optional(),
  subject: z.object({ type: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/), id: z.uuid(), label: plain(200) }),
  employeeId: z.uuid().nullish(),
  idempotencyKey: plain(200),
});
const raiser = z.object({ source: z.string().regex(/^[a-z][a-z0-9_.:-]{0,99}$/) });

// Titles and descriptions are rendered from labels a venue may have named: cut, never refused.
const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

/**
 * Raises an alert, or returns the one its idempotency key already raised. It runs in the caller's
 * transaction, whatever its scope (a poll job as vigil_system, an employee's request as
 * vigil_user: raising needs no alerts permission, and a request raises only in its own org), and
 * writes the alert, its "open" event and its audit entry (a system action named by
 * `by.source`) with the caller's other writes, or none of them.
 *
 * A raiser's mistake (an unknown kind, details its rule does not accept) throws: it is a bug,
 * not a client's input.
 */
export async function openAlert<K extends AlertKind>(
  em: EntityManager,
  input: OpenAlertInput<K>,
  by: AlertRaiser,
): Promise<OpenedAlert> {
  const rule = alertRuleFor(input.kind);
  if (!rule) throw new Error(`openAlert: no alert rule of kind ${input.kind}`);
  const base = baseInput.parse(input);
  const { source } = raiser.parse(by);
  const details = rule.details.parse(input.details);
  const subject = { ...base.subject, label: clip(base.subject.label, 200) };
  const severity = base.severity ?? rule.severity;
  const [row] = await em.execute<{ alert_id: string; created: boolean }[]>(openAlertSql, [
    base.orgId,
    rule.kind,
    severity,
    subject.type,
    subject.id,
    subject.label,
    base.employeeId ?? null,
    clip(rule.title(subject, details), 300),
    clip(rule.description(subject, details), 2000),
    JSON.stringify(details),
    base.idempotencyKey,
    source,
  ]);
  const opened = { id: row!.alert_id, created: row!.created };
  if (opened.created) {
    await appendInTransaction(
      em,
      [
        {
          orgId: base.orgId,
          at: new Date(),
          actorType: 'system',
          actorId: null,
          actorRole: null,
          systemSource: source,
          action: ALERTS_AUDIT_ACTIONS.opened,
          resourceType: 'alert',
          resourceId: opened.id,
          dealId: null,
          ipAddress: null,
          outcome: 'allowed',
          details: {
            kind: rule.kind,
            severity,
            subject,
            employeeId: base.employeeId ?? null,
            idempotencyKey: base.idempotencyKey,
          },
        },
      ],
      by.signer,
    );
  }
  return opened;
}
