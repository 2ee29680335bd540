import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { WalletHealthQuery } from '@/generated/graphql';
import { formatDateTime } from '@/ui/lib/formatDateTime';
import { nextPollText } from '../lib/nextPoll';
import { durationText, relativeTime } from '../lib/relativeTime';
import { WalletAddress } from './WalletAddress';
import { WalletHealthBadge } from './WalletHealthBadge';

type WalletHealthRow = WalletHealthQuery['walletHealth'][number];

type WalletHealthTableProps = {
  rows: readonly WalletHealthRow[];
  chainName: (chainId: number) => string;
  now: number;
  linkEmployees: boolean;
};

/** Every watched wallet's feed: failing first, with what failed and since when. */
export function WalletHealthTable({ rows, chainName, now, linkEmployees }: WalletHealthTableProps) {
  return (
    <Table.ScrollContainer minWidth={960} type="native">
      <Table striped highlightOnHover layout="fixed" data-testid="wallet-health-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={200}>Employee</Table.Th>
            <Table.Th w={190}>Wallet</Table.Th>
            <Table.Th w={110}>Status</Table.Th>
            <Table.Th w={130}>Last success</Table.Th>
            <Table.Th>Last error</Table.Th>
            <Table.Th w={110}>Next poll</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.walletId} data-testid="wallet-health-row" data-failing={row.failingSince !== null}>
              <Table.Td>
                <Text fz="sm" fw={500} truncate="end" title={row.employeeName}>
                  {linkEmployees ? (
                    <Anchor component={Link} to={`/employees/${row.employeeId}`} inherit>
                      {row.employeeName}
                    </Anchor>
                  ) : (
                    row.employeeName
                  )}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text fz="xs" c="dimmed">
                  {chainName(row.chainId)}
                  {row.label ? ` · ${row.label}` : ''}
                </Text>
                <WalletAddress address={row.address} />
              </Table.Td>
              <Table.Td>
                <WalletHealthBadge status={row.status} lastSuccessAt={row.lastSuccessAt} failingSince={row.failingSince} />
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
                  <Text fz="xs" c="dimmed" title={formatDateTime(row.failingSince)} data-testid="wallet-failing-since">
                    failing for {durationText(now - Date.parse(row.failingSince))}, since {formatDateTime(row.failingSince)}
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
