import { Paper, Stack, Text, Title } from '@mantine/core';
import { hasPermission } from '@/app/permissions/hasPermission';
import { BalancesCard } from './BalancesCard';
import { ConnectionsCard } from './ConnectionsCard';
import { ExchangeTransfersCard } from './ExchangeTransfersCard';
import { TradesTable } from './TradesTable';

type EmployeeFeedsCardsProps = { employeeId: string; permissions: readonly string[] };

/** A card the reader's role may not read, said in one line instead of an error. */
function NotForYourRole({ title, what }: { title: string; what: string }) {
  return (
    <Paper withBorder p="lg" data-testid="feeds-hidden-note">
      <Stack gap={4}>
        <Title order={5}>{title}</Title>
        <Text fz="sm" c="dimmed">
          Your role does not include {what}, so they are not shown here.
        </Text>
      </Stack>
    </Paper>
  );
}

/**
 * What compliance sees of one employee's exchange holdings, each card only where the reader's role
 * may read it (Viewer: connections and balances, no trades or transfers). The server checks every request too.
 */
export function EmployeeFeedsCards({ employeeId, permissions }: EmployeeFeedsCardsProps) {
  const can = (permission: string) => hasPermission(permissions, permission);
  return (
    <Stack gap="md" data-testid="employee-feeds">
      {can('connections:read') ? (
        <ConnectionsCard
          employeeId={employeeId}
          empty="No exchange connected yet. The employee connects read-only keys from their own “My holdings” page; each shows here with its health."
        />
      ) : (
        <NotForYourRole title="Exchange connections" what="connection health" />
      )}
      {can('balances:read') ? <BalancesCard employeeId={employeeId} /> : <NotForYourRole title="Balances" what="balances" />}
      {can('transactions:read') ? (
        <>
          <TradesTable employeeId={employeeId} />
          <ExchangeTransfersCard employeeId={employeeId} />
        </>
      ) : (
        <NotForYourRole title="Trades, deposits and withdrawals" what="transactions" />
      )}
    </Stack>
  );
}
