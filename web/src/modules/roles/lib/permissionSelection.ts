// `<resource>:write` without `<resource>:read` is a role that can change what it cannot see: the
// editor never builds one. Ticking write ticks read; read cannot be unticked while write is ticked.

const READ = ':read';
const WRITE = ':write';

/** The read permission a write permission needs, or null when `permission` is not a write. */
export function readNeededBy(permission: string): string | null {
  return permission.endsWith(WRITE) ? `${permission.slice(0, -WRITE.length)}${READ}` : null;
}

/** The ticked write that keeps `permission` (a read) ticked, or null when nothing holds it. */
export function writeHolding(selected: readonly string[], permission: string): string | null {
  if (!permission.endsWith(READ)) return null;
  const write = `${permission.slice(0, -READ.length)}${WRITE}`;
  return selected.includes(write) ? write : null;
}

/**
 * The selection after ticking (`on`) or unticking a permission, in catalog order. Ticking a write
 * also ticks its read (when the catalog has it); unticking a read that a ticked write holds changes
 * nothing.
 */
export function togglePermission(
  catalog: readonly string[],
  selected: readonly string[],
  permission: string,
  on: boolean,
): string[] {
  const next = new Set(selected);
  if (on) {
    next.add(permission);
    const read = readNeededBy(permission);
    if (read && catalog.includes(read)) next.add(read);
  } else if (!writeHolding(selected, permission)) {
    next.delete(permission);
  }
  return catalog.filter((p) => next.has(p));
}
