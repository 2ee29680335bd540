import type { AuditEntriesQuery } from '@/generated/graphql';

export type AuditRow = AuditEntriesQuery['auditEntries']['nodes'][number];

/** A person's or object's name for an id an entry carries, when this viewer can know it. */
export type NameOf = (type: string, id: string) => string | null;

export const noNames: NameOf = () => null;

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

/** Who acted, by name when known: "Ada Admin", "system · chainer", else "user · 3f2a…". */
export function actorText(entry: AuditRow, nameOf: NameOf): string {
  if (entry.actorType === 'system') return present(entry.systemSource) ? `system · ${entry.systemSource}` : 'system';
  if (!present(entry.actorId)) return entry.actorType;
  return nameOf(entry.actorType, entry.actorId) ?? `${entry.actorType} · ${entry.actorId}`;
}

/** What was acted on, by name when known: "user · Carla Compliance", "role", "session · 7c1e…". */
export function resourceText(entry: AuditRow, nameOf: NameOf): string | null {
  if (!present(entry.resourceType)) return null;
  if (!present(entry.resourceId)) return entry.resourceType;
  return `${entry.resourceType} · ${nameOf(entry.resourceType, entry.resourceId) ?? entry.resourceId}`;
}

/**
 * The fields of one entry worth showing, in reading order. A field that does not apply to this
 * entry (no resource, no deal, no IP for a system job, no details…) is left out rather than shown
 * as a dash; an id is shown apart from the name it stands for, since the filters take ids.
 */
export function auditEntryFields(entry: AuditRow, nameOf: NameOf, formatTime: (iso: string) => string): EntryField[] {
  const actorName = present(entry.actorId) ? nameOf(entry.actorType, entry.actorId) : null;
  const resourceName =
    present(entry.resourceType) && present(entry.resourceId) ? nameOf(entry.resourceType, entry.resourceId) : null;
  const fields: Array<EntryField | null> = [
    { label: 'Time', value: formatTime(entry.at), kind: 'text' },
    { label: 'Action', value: entry.action, kind: 'mono' },
    { label: 'Outcome', value: entry.outcome, kind: 'outcome' },
    present(entry.justification) ? { label: 'Justification', value: entry.justification, kind: 'text' } : null,
    { label: 'Actor', value: actorText(entry, nameOf), kind: 'text' },
    actorName && present(entry.actorId) ? { label: 'Actor ID', value: entry.actorId, kind: 'mono' } : null,
    // An API key's entries carry the key's name where a person's carry their role.
    present(entry.actorRole)
      ? { label: entry.actorType === 'api_key' ? 'API key name' : 'Actor role', value: entry.actorRole, kind: 'text' }
      : null,
    present(entry.systemSource) && entry.actorType !== 'system'
      ? { label: 'System source', value: entry.systemSource, kind: 'text' }
      : null,
    present(entry.resourceType) ? { label: 'Resource', value: resourceText(entry, nameOf) ?? '', kind: 'text' } : null,
    resourceName && present(entry.resourceId) ? { label: 'Resource ID', value: entry.resourceId, kind: 'mono' } : null,
    present(entry.dealId) ? { label: 'Deal', value: entry.dealId, kind: 'mono' } : null,
    present(entry.ipAddress) ? { label: 'IP address', value: entry.ipAddress, kind: 'mono' } : null,
    { label: 'Entry hash', value: entry.hash, kind: 'mono' },
    isEmptyDetails(entry.details) ? null : { label: 'Details', value: JSON.stringify(entry.details, null, 2), kind: 'json' },
  ];
  return fields.filter((field) => field !== null);
}
