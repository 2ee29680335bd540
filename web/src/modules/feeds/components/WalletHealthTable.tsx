import { Text } from '@mantine/core';
import type { WalletHealthQuery } from '@/generated/graphql';
import { formatDateTime } from '@/ui/lib/formatDateTime';
import { durationText } from '../lib/relativeTime';
import { FeedRowsTable } from './FeedRowsTable';
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
    <FeedRowsTable
      rows={rows}
      now={now}
      linkEmployees={linkEmployees}
      testId="wallet-health-table"
      rowProps={(row) => ({ key: row.walletId, 'data-testid': 'wallet-health-row', 'data-failing': row.failingSince !== null })}
      subject={{
        title: 'Wallet',
        width: 190,
        cell: (row) => (
          <>
            <Text fz="xs" c="dimmed">
              {chainName(row.chainId)}
              {row.label ? ` · ${row.label}` : ''}
            </Text>
            <WalletAddress address={row.address} />
          </>
        ),
      }}
      statusWidth={110}
      status={(row) => (
        <WalletHealthBadge status={row.status} lastSuccessAt={row.lastSuccessAt} failingSince={row.failingSince} />
      )}
      failing={(since) => (
        <Text fz="xs" c="dimmed" title={formatDateTime(since)} data-testid="wallet-failing-since">
          failing for {durationText(now - Date.parse(since))}, since {formatDateTime(since)}
        </Text>
      )}
    />
  );
}
