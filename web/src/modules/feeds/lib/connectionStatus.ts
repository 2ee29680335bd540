export type ConnectionStatusLook = {
  label: string;
  /** Green when polling works, red when it broke, orange when a person must act, gray when gone. */
  color: 'teal' | 'red' | 'orange' | 'gray';
  /** One sentence on what the status means for oversight. */
  meaning: string;
  /** Feed-health order: what needs attention first. */
  rank: number;
};

const LOOKS: Record<string, ConnectionStatusLook> = {
  broken: {
    label: 'Broken',
    color: 'red',
    meaning: 'The venue no longer accepts the key (confirmed by a second check). Nothing is read until a new key is connected.',
    rank: 0,
  },
  suspended: {
    label: 'Suspended',
    color: 'orange',
    meaning: 'The key gained permissions beyond read-only, so Vigil stopped using it. Connect a new read-only key.',
    rank: 1,
  },
  scope_unverified: {
    label: 'Scope unverified',
    color: 'orange',
    meaning: 'The venue cannot tell Vigil what the key may do, so compliance has to check it by hand.',
    rank: 2,
  },
  active: { label: 'Active', color: 'teal', meaning: 'Polled on schedule with a verified read-only key.', rank: 3 },
  removed: { label: 'Removed', color: 'gray', meaning: 'No longer polled; what was read is kept.', rank: 4 },
};

// A status the server adds later still shows, as an alarm-free gray, rather than breaking the page.
const UNKNOWN: Omit<ConnectionStatusLook, 'label'> = {
  color: 'gray',
  meaning: 'A status this console does not know yet.',
  rank: 5,
};

export function connectionStatusLook(status: string): ConnectionStatusLook {
  return LOOKS[status] ?? { ...UNKNOWN, label: status.replace(/_/g, ' ') };
}

/** Broken first, then what needs a person, then healthy; within a status the longest failing first. */
export function byAttentionNeeded<T extends { status: string; failingSince: string | null }>(a: T, b: T): number {
  const rank = connectionStatusLook(a.status).rank - connectionStatusLook(b.status).rank;
  if (rank !== 0) return rank;
  const failing = (row: T) => (row.failingSince ? Date.parse(row.failingSince) : Number.POSITIVE_INFINITY);
  return failing(a) - failing(b);
}
