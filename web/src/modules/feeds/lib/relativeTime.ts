const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** "3 minutes", "5 hours", "2 days": the size of a gap in the largest unit that reads naturally. */
export function durationText(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < MINUTE) return plural(Math.max(1, Math.round(abs / 1000)), 'second');
  if (abs < HOUR) return plural(Math.round(abs / MINUTE), 'minute');
  if (abs < 2 * DAY) return plural(Math.round(abs / HOUR), 'hour');
  return plural(Math.round(abs / DAY), 'day');
}

/** "in 3 minutes" / "5 hours ago" / "now", for times shown next to their exact date. */
export function relativeTime(iso: string, now: number): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const gap = at - now;
  if (Math.abs(gap) < 5_000) return 'now';
  return gap > 0 ? `in ${durationText(gap)}` : `${durationText(gap)} ago`;
}
