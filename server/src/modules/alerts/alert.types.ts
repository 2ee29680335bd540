import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '@/core/graphql/page-info';
import type { AlertSeverity, AlertStatus } from './alert-model';
import type { AlertRow } from './alert.queries';
import type { AlertRule } from './rules';

// The alert as the API shows it: its own classes, so a column added to `alerts` (the idempotency
// key, the actor ids) reaches no client unless a field here says so.

export const AlertStatusValues = { OPEN: 'open', ACKNOWLEDGED: 'acknowledged', RESOLVED: 'resolved' } as const satisfies Record<
  string,
  AlertStatus
>;
registerEnumType(AlertStatusValues, {
  name: 'AlertStatus',
  description: 'Forward only: OPEN → ACKNOWLEDGED → RESOLVED, or OPEN → RESOLVED.',
});

export const AlertSeverityValues = {
  LOW: 'low',
  MEDIUM: 'medium',
  HIGH: 'high',
  CRITICAL: 'critical',
} as const satisfies Record<string, AlertSeverity>;
registerEnumType(AlertSeverityValues, { name: 'AlertSeverity' });

@ObjectType('AlertSubject', { simpleResolvers: true, description: 'What an alert is about, named as it was when raised.' })
export class AlertSubjectType {
  @Field(() => String, { description: 'connection, wallet, trade, …' })
  type!: string;

  @Field(() => ID)
  id!: string;

  @Field(() => String)
  label!: string;
}

@ObjectType('AlertDetail', { simpleResolvers: true, description: 'One fact the rule recorded when the alert was raised.' })
export class AlertDetailType {
  @Field(() => String)
  key!: string;

  @Field(() => String)
  value!: string;
}

@ObjectType('AlertEvent', { simpleResolvers: true, description: 'The alert entering a status, and who moved it.' })
export class AlertEventType {
  @Field(() => AlertStatusValues)
  status!: AlertStatus;

  @Field(() => String, { description: 'user, api_key or system' })
  actorType!: string;

  @Field(() => String, { description: "A person's name, an API key's name, or the system's source." })
  actorLabel!: string;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => Date)
  at!: Date | string;
}

@ObjectType('Alert', { simpleResolvers: true })
export class AlertType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'The rule that raised it (alertRules lists them).' })
  kind!: string;

  @Field(() => AlertSeverityValues)
  severity!: AlertSeverity;

  @Field(() => AlertStatusValues)
  status!: AlertStatus;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  description!: string;

  @Field(() => AlertSubjectType)
  subject!: AlertSubjectType;

  @Field(() => ID, { nullable: true, description: 'The employee the subject belongs to, when it belongs to one.' })
  employeeId!: string | null;

  @Field(() => [AlertDetailType])
  details!: AlertDetailType[];

  @Field(() => Date)
  openedAt!: Date | string;

  @Field(() => Date, { nullable: true })
  acknowledgedAt!: Date | string | null;

  @Field(() => Date, { nullable: true })
  resolvedAt!: Date | string | null;

  @Field(() => String, { nullable: true })
  resolutionNote!: string | null;

  @Field(() => [AlertEventType], { description: 'Oldest first: opened, then each transition.' })
  events!: AlertEventType[];
}

@ObjectType('AlertConnection', { simpleResolvers: true })
export class AlertConnection {
  @Field(() => [AlertType])
  nodes!: AlertType[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@ObjectType('AlertRule', { simpleResolvers: true, description: 'A kind of alert Vigil raises.' })
export class AlertRuleType {
  @Field(() => String)
  kind!: string;

  @Field(() => AlertSeverityValues, { description: 'Its severity unless the raiser says otherwise.' })
  severity!: AlertSeverity;

  @Field(() => String)
  subjectType!: string;

  @Field(() => String, { description: 'What raises it.' })
  summary!: string;
}

@InputType()
export class AlertFilterInput {
  @Field(() => [AlertStatusValues], { nullable: true, description: 'Any of these statuses; all when absent.' })
  status?: AlertStatus[] | null;

  @Field(() => [AlertSeverityValues], { nullable: true })
  severity?: AlertSeverity[] | null;

  @Field(() => [String], { nullable: true, description: 'Kinds from alertRules.' })
  kind?: string[] | null;
}

type StoredEvent = { status: AlertStatus; actorType: string; actorLabel: string; note: string | null; at: string };

const detailValue = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

export const toAlertType = (r: AlertRow): AlertType => ({
  id: r.id,
  kind: r.kind,
  severity: r.severity,
  status: r.status,
  title: r.title,
  description: r.description,
  subject: { type: r.subject_type, id: r.subject_id, label: r.subject_label },
  employeeId: r.employee_id,
  details: Object.entries(JSON.parse(r.details) as Record<string, unknown>).map(([key, v]) => ({ key, value: detailValue(v) })),
  openedAt: r.opened_at,
  acknowledgedAt: r.acknowledged_at,
  resolvedAt: r.resolved_at,
  resolutionNote: r.resolution_note,
  events: JSON.parse(r.events) as StoredEvent[],
});

export const toAlertRuleType = (rule: AlertRule): AlertRuleType => ({
  kind: rule.kind,
  severity: rule.severity,
  subjectType: rule.subjectType,
  summary: rule.summary,
});
