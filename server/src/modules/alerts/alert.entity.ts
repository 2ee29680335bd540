import { EntitySchema } from '@mikro-orm/core';
import { ALERT_SEVERITIES, ALERT_STATUSES, type AlertSeverity, type AlertStatus } from './alert-model';

/**
 * The ORM's view of `alerts` (migration 0019), checked against the migrated table by the
 * entities-match-schema test. Alerts are raised through `alerts_open()` and moved by guarded
 * UPDATEs (alert.queries.ts), never by flushing this entity: the guard is in the WHERE clause.
 */
export class Alert {
  id!: string;
  orgId!: string;
  kind!: string;
  severity!: AlertSeverity;
  status!: AlertStatus;
  subjectType!: string;
  subjectId!: string;
  subjectLabel!: string;
  employeeId!: string | null;
  title!: string;
  description!: string;
  details!: Record<string, unknown>;
  idempotencyKey!: string;
  openedAt!: Date;
  acknowledgedAt!: Date | null;
  acknowledgedBy!: string | null;
  resolvedAt!: Date | null;
  resolvedBy!: string | null;
  resolutionNote!: string | null;
}

const at = (fieldName: string, nullable = false) =>
  ({ type: 'Date', columnType: 'timestamptz(3)', fieldName, nullable, ...(nullable ? {} : { defaultRaw: 'now()' }) }) as const;

export const AlertSchema = new EntitySchema<Alert>({
  class: Alert,
  tableName: 'alerts',
  properties: {
    id: { type: 'uuid', primary: true, defaultRaw: 'gen_random_uuid()' },
    orgId: { type: 'uuid', fieldName: 'org_id' },
    kind: { type: 'text' },
    // Enums here because the table checks their values: the ORM reads such a check as an enum.
    severity: { enum: true, items: () => [...ALERT_SEVERITIES] },
    status: { enum: true, items: () => [...ALERT_STATUSES], default: 'open' },
    subjectType: { type: 'text', fieldName: 'subject_type' },
    subjectId: { type: 'uuid', fieldName: 'subject_id' },
    subjectLabel: { type: 'text', fieldName: 'subject_label' },
    employeeId: { type: 'uuid', fieldName: 'employee_id', nullable: true },
    title: { type: 'text' },
    description: { type: 'text', default: '' },
    details: { type: 'json', columnType: 'jsonb', defaultRaw: "'{}'" },
    idempotencyKey: { type: 'text', fieldName: 'idempotency_key' },
    openedAt: at('opened_at'),
    acknowledgedAt: at('acknowledged_at', true),
    acknowledgedBy: { type: 'uuid', fieldName: 'acknowledged_by', nullable: true },
    resolvedAt: at('resolved_at', true),
    resolvedBy: { type: 'uuid', fieldName: 'resolved_by', nullable: true },
    resolutionNote: { type: 'text', fieldName: 'resolution_note', nullable: true },
  },
});
