export type PermissionRow = {
  resource: string;
  read: string | null;
  write: string | null;
  /** Anything in the catalog that is not `resource:read` or `resource:write`, shown as is. */
  other: string[];
};

/** Lays the catalog out as a resource × (read, write) matrix, in catalog order. */
export function groupPermissions(catalog: readonly string[]): PermissionRow[] {
  const rows = new Map<string, PermissionRow>();
  for (const permission of catalog) {
    const separator = permission.lastIndexOf(':');
    const resource = separator > 0 ? permission.slice(0, separator) : permission;
    const verb = separator > 0 ? permission.slice(separator + 1) : '';
    const row = rows.get(resource) ?? { resource, read: null, write: null, other: [] };
    if (verb === 'read') row.read = permission;
    else if (verb === 'write') row.write = permission;
    else row.other.push(permission);
    rows.set(resource, row);
  }
  return [...rows.values()];
}

// Words people write in capitals whatever the case of the sentence around them.
const ACRONYMS: Record<string, string> = { api: 'API', ip: 'IP', mfa: 'MFA', csv: 'CSV' };

/** `api_keys` → "API keys": sentence case, as every other label in the console. */
export function humanizeResource(resource: string): string {
  const words = resource.split('_').map((word) => ACRONYMS[word] ?? word);
  const sentence = words.join(' ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
