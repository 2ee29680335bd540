import { Anchor, Box, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '@/ui/lib/formatDateTime';
import { nextPollText } from '../lib/nextPoll';
import { relativeTime } from '../lib/relativeTime';
import { stackedRowDivider, useStackedRows } from '@/ui/hooks/useStackedRows';

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

/**
 * The feed-health table both kinds of feed share; each kind says what its subject and status cells
 * show. On a phone each feed is a card instead, its status beside whose it is, so a broken feed is
 * red at first sight rather than after scrolling sideways.
 */
export function FeedRowsTable<R extends FeedRow>(props: FeedRowsTableProps<R>) {
  const narrow = useStackedRows();
  return narrow ? <FeedRowCards {...props} /> : <FeedRowsWide {...props} />;
}

function EmployeeName<R extends FeedRow>({ row, props }: { row: R; props: FeedRowsTableProps<R> }) {
  return (
    <Text fz="sm" fw={500} truncate="end" title={row.employeeName}>
      {props.linkEmployees ? (
        <Anchor component={Link} to={`/employees/${row.employeeId}`} inherit data-testid={props.employeeTestId}>
          {row.employeeName}
        </Anchor>
      ) : (
        row.employeeName
      )}
    </Text>
  );
}

function LastSuccess({ row, now }: { row: FeedRow; now: number }) {
  return (
    <Text fz="xs" title={row.lastSuccessAt ? formatDateTime(row.lastSuccessAt) : undefined}>
      {row.lastSuccessAt ? relativeTime(row.lastSuccessAt, now) : 'none yet'}
    </Text>
  );
}

function LastError<R extends FeedRow>({ row, props }: { row: R; props: FeedRowsTableProps<R> }) {
  return (
    <>
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
    </>
  );
}

function FeedRowCards<R extends FeedRow>(props: FeedRowsTableProps<R>) {
  const { rows, now, subject } = props;
  return (
    <Stack gap={0} data-testid={props.testId}>
      {rows.map((row, index) => {
        const { key, ...attributes } = props.rowProps(row);
        return (
          <Box key={key} p="sm" style={stackedRowDivider(index)} {...attributes}>
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
              <Box miw={0}>
                <EmployeeName row={row} props={props} />
                {subject.cell(row)}
              </Box>
              <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
                {props.status(row)}
              </Stack>
            </Group>
            <SimpleGrid cols={2} spacing="sm" mt="xs">
              <div>
                <Text fz={11} c="dimmed">
                  Last success
                </Text>
                <LastSuccess row={row} now={now} />
              </div>
              <div>
                <Text fz={11} c="dimmed">
                  Next poll
                </Text>
                <Text fz="xs">{nextPollText(row.status, row.nextPollAt, now)}</Text>
              </div>
            </SimpleGrid>
            {(row.lastError || row.failingSince) && (
              <Box mt="xs">
                <Text fz={11} c="dimmed">
                  Last error
                </Text>
                <LastError row={row} props={props} />
              </Box>
            )}
          </Box>
        );
      })}
    </Stack>
  );
}

function FeedRowsWide<R extends FeedRow>(props: FeedRowsTableProps<R>) {
  const { rows, now, subject } = props;
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
                  <EmployeeName row={row} props={props} />
                </Table.Td>
                <Table.Td>{subject.cell(row)}</Table.Td>
                <Table.Td>{props.status(row)}</Table.Td>
                <Table.Td>
                  <LastSuccess row={row} now={now} />
                </Table.Td>
                <Table.Td>
                  <LastError row={row} props={props} />
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
