import { Group, Text } from '@mantine/core';
import { formatDateTime } from '@/ui/lib/formatDateTime';
import { nextPollText } from '../lib/nextPoll';
import { durationText } from '../lib/relativeTime';
import { TimeFact } from './TimeFact';

/** What the poller records for anything it polls, exchange connection or wallet alike. */
type PolledFeed = {
  status: string;
  lastSuccessAt: string | null;
  nextPollAt: string | null;
  lastError: string | null;
  failingSince: string | null;
};

type PollFactsProps = {
  feed: PolledFeed;
  now: number;
  /** `wallet-` gives `wallet-last-success` and `wallet-last-error`; connections use none. */
  testIdPrefix?: string;
};

/** When the last poll succeeded, when the next is due, and what is failing and since when. */
export function PollFacts({ feed, now, testIdPrefix = '' }: PollFactsProps) {
  return (
    <>
      <Group gap="lg" wrap="wrap">
        <TimeFact label="Last success" at={feed.lastSuccessAt} now={now} none="none yet" testId={`${testIdPrefix}last-success`} />
        <Text fz="xs" c="dimmed">
          Next poll: {nextPollText(feed.status, feed.nextPollAt, now)}
        </Text>
      </Group>
      {feed.lastError && (
        <Text fz="xs" c="red" data-testid={`${testIdPrefix}last-error`}>
          {feed.lastError}
          {feed.failingSince && (
            <Text span fz="xs" c="dimmed">
              {' '}
              · failing for {durationText(now - Date.parse(feed.failingSince))}, since {formatDateTime(feed.failingSince)}
            </Text>
          )}
        </Text>
      )}
    </>
  );
}
