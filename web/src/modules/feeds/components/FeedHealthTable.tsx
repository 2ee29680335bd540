import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { FeedHealthQuery } from '@/generated/graphql';
import { formatDateTime } from '@/ui/lib/formatDateTime';
import { nextPollText } from '../lib/nextPoll';
import { durationText, relativeTime } from '../lib/relativeTime';
import { ConnectionStatusBadge } from './ConnectionStatusBadge';
import { KeyExpiryBadge } from './KeyExpiryBadge';

type FeedHealthRow = FeedHealthQuery['feedHealth'][number];

type FeedHealthTableProps = {
  rows: readonly FeedHealthRow[];
  venueName: (venue: string) => string;
  now: number;
  /** Employees read the health of their own feeds but not the roster: names are plain text for them. */
  linkEmployees: boolean;
};

export function FeedHealthTable({ rows, venueName, now, linkEmployees }: FeedHealthTableProps) {
  return (
    <Table.ScrollContainer minWidth={960} type="native">
      <Table striped highlightOnHover layout="fixed" data-testid="feed-health-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={200}>Employee</Table.Th>
            <Table.Th w={170}>Connection</Table.Th>
            <Table.Th w={150}>Status</Table.Th>
            <Table.Th w={130}>Last success</Table.Th>
            <Table.Th>Last error</Table.Th>
            <Table.Th w={110}>Next poll</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.connectionId} data-testid="feed-health-row" data-status={row.status}>
              <Table.Td>
                <Text fz="sm" fw={500} truncate="end" title={row.employeeName}>
                  {linkEmployees ? (
                    <Anchor component={Link} to={`/employees/${row.employeeId}`} inherit data-testid="feed-health-employee">
                      {row.employeeName}
                    </Anchor>
                  ) : (
                    row.employeeName
                  )}
                </Text>
              </Table.Td>
              <Table.Td>
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
              </Table.Td>
              <Table.Td>
                <ConnectionStatusBadge status={row.status} />
                <KeyExpiryBadge keyExpiresAt={row.keyExpiresAt} now={now} />
              </Table.Td>
              <Table.Td fz="xs" title={row.lastSuccessAt ? formatDateTime(row.lastSuccessAt) : undefined}>
                {row.lastSuccessAt ? relativeTime(row.lastSuccessAt, now) : 'none yet'}
              </Table.Td>
              <Table.Td>
                {row.lastError ? (
                  <Text fz="xs" c="red" lineClamp={2} title={row.lastError}>
                    {row.lastError}
                  </Text>
                ) : (
                  <Text fz="xs" c="dimmed">
                    —
                  </Text>
                )}
                {row.failingSince && (
                  <Text fz="xs" c="dimmed" title={formatDateTime(row.failingSince)} data-testid="failing-since">
                    failing for {durationText(now - Date.parse(row.failingSince))}
                  </Text>
                )}
              </Table.Td>
              <Table.Td fz="xs">{nextPollText(row.status, row.nextPollAt, now)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
