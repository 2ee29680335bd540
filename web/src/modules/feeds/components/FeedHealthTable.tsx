import { Text } from '@mantine/core';
import type { FeedHealthQuery } from '@/generated/graphql';
import { formatDateTime } from '@/ui/lib/formatDateTime';
import { durationText } from '../lib/relativeTime';
import { ConnectionStatusBadge } from './ConnectionStatusBadge';
import { FeedRowsTable } from './FeedRowsTable';
import { KeyExpiryBadge } from './KeyExpiryBadge';

type FeedHealthRow = FeedHealthQuery['feedHealth'][number];

type FeedHealthTableProps = {
  rows: readonly FeedHealthRow[];
  venueName: (venue: string) => string;
  now: number;
  linkEmployees: boolean;
};

/** Every exchange connection's feed: its venue and key, status and key expiry, what failed and since when. */
export function FeedHealthTable({ rows, venueName, now, linkEmployees }: FeedHealthTableProps) {
  return (
    <FeedRowsTable
      rows={rows}
      now={now}
      linkEmployees={linkEmployees}
      testId="feed-health-table"
      employeeTestId="feed-health-employee"
      rowProps={(row) => ({ key: row.connectionId, 'data-testid': 'feed-health-row', 'data-status': row.status })}
      subject={{
        title: 'Connection',
        width: 170,
        cell: (row) => (
          <>
            <Text fz="sm" truncate="end" title={row.label || undefined}>
              {venueName(row.venue)}
              <Text span fz="xs" c="dimmed" ff="monospace">
                {' '}
                {row.keyFingerprint}
              </Text>
            </Text>
            {row.label && (
              <Text fz="xs" c="dimmed" truncate="end">
                {row.label}
              </Text>
            )}
          </>
        ),
      }}
      statusWidth={150}
      status={(row) => (
        <>
          <ConnectionStatusBadge status={row.status} />
          <KeyExpiryBadge keyExpiresAt={row.keyExpiresAt} now={now} />
        </>
      )}
      failing={(since) => (
        <Text fz="xs" c="dimmed" title={formatDateTime(since)} data-testid="failing-since">
          failing for {durationText(now - Date.parse(since))}
        </Text>
      )}
    />
  );
}
