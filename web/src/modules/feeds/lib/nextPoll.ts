import { relativeTime } from './relativeTime';

// The scheduler claims active and scope-unverified connections only: a broken, suspended or removed
// one keeps its old next_poll_at, which would read as "due 3 minutes ago" although nothing is coming.
const POLLED = new Set(['active', 'scope_unverified']);

/** "in 40 seconds", "due now", or why no poll is coming. */
export function nextPollText(status: string, nextPollAt: string | null, now: number): string {
  if (!POLLED.has(status)) return `not polled while ${status.replace(/_/g, ' ')}`;
  if (nextPollAt === null) return 'being scheduled';
  return Date.parse(nextPollAt) <= now ? 'due now' : relativeTime(nextPollAt, now);
}
