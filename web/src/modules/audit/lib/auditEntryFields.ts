import type { AuditEntriesQuery } from '@/generated/graphql';

export type AuditRow = AuditEntriesQuery['auditEntries']['nodes'][number];

/** How the entry detail shows a value: as text, code, the outcome badge or pretty JSON. */
export type EntryFieldKind = 'text' | 'mono' | 'outcome' | 'json';
export type EntryField = { label: string; value: string; kind: EntryFieldKind };

const present = (value: string | null | undefined): value is string => value != null && value.trim() !== '';

function isEmptyDetails(details: unknown): boolean {
  if (details == null) return true;
  if (Array.isArray(details)) return details.length === 0;
  if (typeof details === 'object') return Object.keys(details).length === 0;
  return typeof details === 'string' && details.trim() === '';
}

/**
 * Who acted, by name when the server knows it (names are resolved by the server, in the reader's
 * organization, for every audit reader): "Ada Admin <ada@acme.test>", "system · chainer", else
 * "user · 3f2a…" (the id is the record; a name may be unknown, e.g. a deleted account).
 */
export function actorText(entry: AuditRow): string {
  if (entry.actorType === 'system') return present(entry.systemSource) ? `system · ${entry.systemSource}` : 'system';
  if (present(entry.actorName)) return present(entry.actorEmail) ? `${entry.actorName} <${entry.actorEmail}>` : entry.actorName;
  if (!present(entry.actorId)) return entry.actorType;
  return `${entry.actorType} · ${entry.actorId}`;
}

/**
 * The email a sign-in tried, for an entry with no actor: before the password is proved nobody is
 * signed in, and the attempt names only an email the organization has no account for (the server
 * records it in the details; a known account is the entry's resource instead).
 */
export function attemptedEmail(entry: AuditRow): string | null {
  if (present(entry.actorId) || present(entry.actorName) || entry.actorType === 'system') return null;
  const details: unknown = entry.details;
  if (typeof details !== 'object' || details === null || Array.isArray(details)) return null;
  const email = (details as Record<string, unknown>).email;
  return typeof email === 'string' && present(email) ? email : null;
}

/**
 * The actor in two short lines for a narrow table cell: the name, then the email or the kind; for
 * an entry with no actor (a failed sign-in), the email it tried.
 */
export function actorLines(entry: AuditRow): { primary: string; secondary: string | null; title: string } {
  const id = present(entry.actorId) ? entry.actorId : null;
  const tried = attemptedEmail(entry);
  if (tried) return { primary: actorText(entry), secondary: `tried ${tried}`, title: `${actorText(entry)} · tried ${tried}` };
  const title = [actorText(entry), id && present(entry.actorName) ? `id ${id}` : null].filter(Boolean).join(' · ');
  if (entry.actorType === 'system' || !present(entry.actorName)) return { primary: actorText(entry), secondary: null, title };
  const secondary = present(entry.actorEmail) ? entry.actorEmail : entry.actorType === 'api_key' ? 'API key' : null;
  return { primary: entry.actorName, secondary, title };
}

/** Whether the entry names what it acted on (rather than only its kind or id). */
export function resourceNamed(entry: AuditRow): boolean {
  return present(entry.resourceType) && present(entry.resourceId) && present(entry.resourceName);
}

/** What was acted on, by name when known: "user · Carla Compliance", "role", "session · 7c1e…". */
export function resourceText(entry: AuditRow): string | null {
  if (!present(entry.resourceType)) return null;
  if (!present(entry.resourceId)) return entry.resourceType;
  return `${entry.resourceType} · ${present(entry.resourceName) ? entry.resourceName : entry.resourceId}`;
}

/**
 * The fields of one entry worth showing, in reading order. A field that does not apply to this
 * entry (no resource, no deal, no IP for a system job, no details…) is left out rather than shown
 * as a dash; an id is shown apart from the name it stands for, since the filters take ids.
 */
export function auditEntryFields(entry: AuditRow, formatTime: (iso: string) => string): EntryField[] {
  const named = present(entry.actorName);
  const resourceNamed = present(entry.resourceType) && present(entry.resourceName);
  const fields: Array<EntryField | null> = [
    { label: 'Time', value: formatTime(entry.at), kind: 'text' },
    { label: 'Action', value: entry.action, kind: 'mono' },
    { label: 'Outcome', value: entry.outcome, kind: 'outcome' },
    present(entry.justification) ? { label: 'Justification', value: entry.justification, kind: 'text' } : null,
    { label: 'Actor', value: present(entry.actorName) ? entry.actorName : actorText(entry), kind: 'text' },
    named && present(entry.actorEmail) ? { label: 'Actor email', value: entry.actorEmail, kind: 'text' } : null,
    named && present(entry.actorId) ? { label: 'Actor ID', value: entry.actorId, kind: 'mono' } : null,
    // An API key's entries carry the key's name where a person's carry their role; the name is
    // already the actor's when it is a key.
    present(entry.actorRole) && entry.actorType !== 'api_key'
      ? { label: 'Actor role', value: entry.actorRole, kind: 'text' }
      : null,
    present(entry.actorRole) && entry.actorType === 'api_key' && !named
      ? { label: 'API key name', value: entry.actorRole, kind: 'text' }
      : null,
    present(entry.systemSource) && entry.actorType !== 'system'
      ? { label: 'System source', value: entry.systemSource, kind: 'text' }
      : null,
    present(entry.resourceType) ? { label: 'Resource', value: resourceText(entry) ?? '', kind: 'text' } : null,
    resourceNamed && present(entry.resourceId) ? { label: 'Resource ID', value: entry.resourceId, kind: 'mono' } : null,
    present(entry.dealId) ? { label: 'Deal', value: entry.dealId, kind: 'mono' } : null,
    present(entry.ipAddress) ? { label: 'IP address', value: entry.ipAddress, kind: 'mono' } : null,
    { label: 'Entry hash', value: entry.hash, kind: 'mono' },
    isEmptyDetails(entry.details) ? null : { label: 'Details', value: JSON.stringify(entry.details, null, 2), kind: 'json' },
  ];
  return fields.filter((field) => field !== null);
}
