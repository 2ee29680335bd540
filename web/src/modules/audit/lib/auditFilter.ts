import type { AuditFilter, AuditOutcome } from '@/generated/graphql';

/** What the filter form holds: strings as typed, dates from `datetime-local` inputs (local time). */
export type AuditFilterForm = {
  from: string;
  to: string;
  /** What the filter sends: an actor picked by name or email, or an id typed in. */
  actorId: string;
  /** How the picked actor is shown ("Ada Admin <ada@acme.test>"); never sent. */
  actorLabel: string;
  resourceType: string;
  action: string;
  outcome: '' | AuditOutcome;
  /** Hide reads (`query.*`). */
  writesOnly: boolean;
  /** Only Admin writes (those with a written justification). */
  adminWritesOnly: boolean;
};

export const emptyAuditFilterForm: AuditFilterForm = {
  from: '',
  to: '',
  actorId: '',
  actorLabel: '',
  resourceType: '',
  action: '',
  outcome: '',
  writesOnly: false,
  adminWritesOnly: false,
};

function localToIso(value: string): string | undefined {
  if (value.trim() === '') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

function text(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** The GraphQL filter: blank fields are left out rather than sent as empty strings. */
export function toAuditFilter(form: AuditFilterForm): AuditFilter {
  const filter: AuditFilter = {};
  const from = localToIso(form.from);
  const to = localToIso(form.to);
  if (from) filter.from = from;
  if (to) filter.to = to;
  const actorId = text(form.actorId);
  if (actorId) filter.actorId = actorId;
  const resourceType = text(form.resourceType);
  if (resourceType) filter.resourceType = resourceType;
  const action = text(form.action);
  if (action) filter.action = action;
  if (form.outcome !== '') filter.outcome = form.outcome;
  if (form.writesOnly) filter.writesOnly = true;
  if (form.adminWritesOnly) filter.adminWritesOnly = true;
  return filter;
}

export function validateAuditFilter(form: AuditFilterForm): string | null {
  if (form.from && Number.isNaN(Date.parse(form.from))) return 'The "from" time is not a valid date.';
  if (form.to && Number.isNaN(Date.parse(form.to))) return 'The "to" time is not a valid date.';
  const from = localToIso(form.from);
  const to = localToIso(form.to);
  if (from && to && from > to) return 'The "from" time is after the "to" time.';
  const action = form.action.trim();
  if (action && !/^[A-Za-z0-9_.:-]{1,100}\*?$/.test(action)) {
    return 'An action is a name like mutation.createUser, or a prefix ending in * like mutation.*.';
  }
  return null;
}

/** The CSV export URL: the file holds exactly the entries the list shows, every filter applied. */
export function auditExportUrl(filter: AuditFilter, base = '/api/v1/audit'): string {
  const params = new URLSearchParams();
  if (filter.from) params.set('from', String(filter.from));
  if (filter.to) params.set('to', String(filter.to));
  if (filter.actorId) params.set('actor', String(filter.actorId));
  if (filter.resourceType) params.set('resource', filter.resourceType);
  if (filter.action) params.set('action', filter.action);
  if (filter.outcome) params.set('outcome', filter.outcome);
  if (filter.writesOnly) params.set('writesOnly', 'true');
  if (filter.adminWritesOnly) params.set('adminWritesOnly', 'true');
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}

/**
 * The action filter's options: every known action, after a prefix for each family of them
 * (`mutation.*`, `query.*`, `audit.*`), which the filter matches as a prefix.
 */
export function actionOptions(actions: readonly string[]): string[] {
  const families = new Set(actions.filter((a) => a.includes('.')).map((a) => `${a.slice(0, a.indexOf('.'))}.*`));
  return [...[...families].sort(), ...actions.filter((a) => !families.has(a))];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether typed text is an actor id itself (user and API key ids are UUIDs), not a name to look up. */
export const looksLikeActorId = (text: string): boolean => UUID.test(text.trim());
