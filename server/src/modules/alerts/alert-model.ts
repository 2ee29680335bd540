// The words of an alert, shared by the rules, the service, the GraphQL types and the SQL.

export const ALERT_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

/** Forward only: open → acknowledged → resolved, or open → resolved. */
export const ALERT_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** What an alert is about, named as it was when the alert was raised. */
export type AlertSubject = {
  /** An object type in snake_case: `connection`, `wallet`, `trade`. */
  type: string;
  id: string;
  /** What a person reads in the queue: "Binance · main account (…7f3a)". */
  label: string;
};

/** The statuses a transition into `to` may start from. */
export const TRANSITIONS_INTO: Readonly<Record<Exclude<AlertStatus, 'open'>, readonly AlertStatus[]>> = {
  acknowledged: ['open'],
  resolved: ['open', 'acknowledged'],
};

/** Longest note on a transition (the migration says the same). */
export const NOTE_MAX_LENGTH = 2000;
