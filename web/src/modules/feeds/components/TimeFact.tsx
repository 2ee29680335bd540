import { Text } from '@mantine/core';
import { formatDateTime } from '@/ui/lib/formatDateTime';
import { relativeTime } from '../lib/relativeTime';

type TimeFactProps = { label: string; at: string | null; now: number; none: string; testId?: string };

/** "Last success: 3 minutes ago" with the exact time on hover; `none` says what a missing time means. */
export function TimeFact({ label, at, now, none, testId }: TimeFactProps) {
  return (
    <Text fz="xs" c="dimmed" data-testid={testId}>
      {label}:{' '}
      {at === null ? (
        none
      ) : (
        <Text span fz="xs" c="var(--mantine-color-text)" title={formatDateTime(at)}>
          {relativeTime(at, now)}
        </Text>
      )}
    </Text>
  );
}
