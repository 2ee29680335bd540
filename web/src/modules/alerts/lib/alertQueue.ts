import type { AlertSeverity, AlertStatus } from '@/generated/graphql';

// Pure rules of the alert queue page: what a filter asks the server for, how a severity or a
// status looks, and whether an action can run — and if not, why. No React, unit-tested.

/** The status filter a person picks; "unresolved" is the working queue. */
export type StatusView = 'unresolved' | 'open' | 'acknowledged' | 'resolved' | 'all';

export const STATUS_VIEWS: readonly { value: StatusView; label: string }[] = [
  { value: 'unresolved', label: 'Unresolved' },
  { value: 'open', label: 'Open' },
  { value: 'acknowledged', label: 'Acknowledged' },
  { value: 'resolved', label: 'Resolved' },
  { value: 'all', label: 'All' },
];

const STATUSES_OF: Record<StatusView, AlertStatus[] | null> = {
  unresolved: ['OPEN', 'ACKNOWLEDGED'],
  open: ['OPEN'],
  acknowledged: ['ACKNOWLEDGED'],
  resolved: ['RESOLVED'],
  all: null,
};

export const SEVERITIES: readonly AlertSeverity[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];

/** The `filter` argument of the alerts query for what the page shows. */
export function alertFilterOf(view: StatusView, severities: readonly AlertSeverity[]) {
  const status = STATUSES_OF[view];
  return {
    ...(status ? { status } : {}),
    ...(severities.length > 0 ? { severity: [...severities] } : {}),
  };
}

/** Most severe first, keeping the given order within a severity. */
export function bySeverity<T extends { severity: AlertSeverity }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
}

export const SEVERITY_LOOK: Record<AlertSeverity, { label: string; color: string }> = {
  CRITICAL: { label: 'Critical', color: 'red' },
  HIGH: { label: 'High', color: 'orange' },
  MEDIUM: { label: 'Medium', color: 'yellow' },
  LOW: { label: 'Low', color: 'gray' },
};

export const STATUS_LOOK: Record<AlertStatus, { label: string; color: string }> = {
  OPEN: { label: 'Open', color: 'red' },
  ACKNOWLEDGED: { label: 'Acknowledged', color: 'blue' },
  RESOLVED: { label: 'Resolved', color: 'teal' },
};

/** How the history names an alert entering a status. */
export const EVENT_VERB: Record<AlertStatus, string> = {
  OPEN: 'Opened',
  ACKNOWLEDGED: 'Acknowledged',
  RESOLVED: 'Resolved',
};

export type AlertAction = 'acknowledge' | 'resolve';

/**
 * Why an action cannot run on an alert, or null when it can. Forward only: acknowledging needs an
 * open alert, resolving an unresolved one; both need alerts:write (the server checks again).
 */
export function alertActionBlockedReason(action: AlertAction, status: AlertStatus, canWrite: boolean): string | null {
  if (!canWrite) return 'Your role can read alerts but not work them (needs alerts:write).';
  if (status === 'RESOLVED') return 'This alert is resolved; alerts never reopen.';
  if (action === 'acknowledge' && status === 'ACKNOWLEDGED') return 'Already acknowledged.';
  return null;
}

export const NOTE_MAX_LENGTH = 2000;

/** What is wrong with a note, or null. A resolution note is required; an acknowledgement's is not. */
export function noteProblem(note: string, required: boolean): string | null {
  const text = note.trim();
  if (text.length === 0) return required ? 'Say how the alert was resolved: the note stays with it, for auditors.' : null;
  if (text.length > NOTE_MAX_LENGTH) return `At most ${NOTE_MAX_LENGTH} characters (${text.length} now).`;
  if (text.includes('\u0000')) return 'The note contains a character that is not text.';
  return null;
}
