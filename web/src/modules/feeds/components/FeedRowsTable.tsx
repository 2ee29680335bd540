import { Anchor, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '@/ui/lib/formatDateTime';
import { nextPollText } from '../lib/nextPoll';
import { relativeTime } from '../lib/relativeTime';

/** What every feed's health row has: whose it is, when it last worked, what failed, when it is polled next. */
export type FeedRow = {
  employeeId: string;
  employeeName: string;
  status: string;
  lastSuccessAt: string | null;
  lastError: string | null;
  failingSince: string | null;
  nextPollAt: string | null;
};

type FeedRowsTableProps<R extends FeedRow> = {
  rows: readonly R[];
  now: number;
  /** Employees read the health of their own feeds but not the roster: names are plain text for them. */
  linkEmployees: boolean;
  testId: string;
  /** The feed itself (a connection, a wallet): its column's title and width, and its cell. */
  subject: { title: string; width: number; cell: (row: R) => ReactNode };
  statusWidth: number;
  status: (row: R) => ReactNode;
  /** Since when it has been failing, under its last error. */
  failing: (since: string) => ReactNode;
  /** The row's key and data attributes (test ids, status). */
  rowProps: (row: R) => { key: string } & Record<`data-${string}`, string | boolean>;
  employeeTestId?: string;
};

/** The feed-health table both kinds of feed share; each kind says what its subject and status cells show. */
export function FeedRowsTable<R extends FeedRow>(props: FeedRowsTableProps<R>) {
  const { rows, now, linkEmployees, subject } = props;
  return (
    <Table.ScrollContainer minWidth={960} type="native">
      <Table striped highlightOnHover layout="fixed" data-testid={props.testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={200}>Employee</Table.Th>
            <Table.Th w={subject.width}>{subject.title}</Table.Th>
            <Table.Th w={props.statusWidth}>Status</Table.Th>
            <Table.Th w={130}>Last success</Table.Th>
            <Table.Th>Last error</Table.Th>
            <Table.Th w={110}>Next poll</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const { key, ...attributes } = props.rowProps(row);
            return (
              <Table.Tr key={key} {...attributes}>
                <Table.Td>
                  <Text fz="sm" fw={500} truncate="end" title={row.employeeName}>
                    {linkEmployees ? (
                      <Anchor component={Link} to={`/employees/${row.employeeId}`} inherit data-testid={props.employeeTestId}>
                        {row.employeeName}
                      </Anchor>
                    ) : (
                      row.employeeName
                    )}
                  </Text>
                </Table.Td>
                <Table.Td>{subject.cell(row)}</Table.Td>
                <Table.Td>{props.status(row)}</Table.Td>
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
                  {row.failingSince && props.failing(row.failingSince)}
                </Table.Td>
                <Table.Td fz="xs">{nextPollText(row.status, row.nextPollAt, now)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
