import { useQuery } from '@apollo/client/react';
import { Center, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { MyEmployeeDocument } from '@/generated/graphql';
import { useViewer } from '@/modules/auth';
import { ManageKeysCard, MyConnectionsCard, MyWalletsCard } from '@/modules/feeds';
import { PageHeader } from '@/ui/components/PageHeader';
import { QueryErrorState } from '@/ui/components/QueryErrorState';
import { formatDateTime } from '@/ui/lib/formatDateTime';
import { EmployeeStatusBadge } from '../components/EmployeeStatusBadge';
import { employeeStatusLook } from '../lib/employeeStatus';

/** An employee's own page: where they stand, and (next slice) their connections and wallets. */
export function MyHoldingsPage() {
  const viewer = useViewer();
  const { data, error, loading, refetch } = useQuery(MyEmployeeDocument);
  const me = data?.myEmployee;

  if (error && !data) return <QueryErrorState error={error} onRetry={() => void refetch()} />;
  if (loading && !data) {
    return (
      <Center py="xl">
        <Loader size="sm" />
      </Center>
    );
  }

  return (
    <>
      <PageHeader title="My holdings" description={`What ${viewer.organization.name} oversees for you, and where you stand.`} />
      {!me ? (
        <Paper withBorder p="lg" maw={640} data-testid="my-holdings-not-employee">
          <Stack gap="xs">
            <Title order={5}>Your account is not on the employee roster</Title>
            <Text fz="sm" c="dimmed">
              This page is for employees who joined from an invitation link: it shows their onboarding status and, soon, the
              exchange connections and wallets they share. Your account ({viewer.user.email}) was made another way, so there is
              nothing to show here.
            </Text>
          </Stack>
        </Paper>
      ) : (
        <Stack gap="md" maw={760}>
          <Paper withBorder p="lg" data-testid="my-status">
            <Stack gap={6}>
              <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
                Your status
              </Text>
              <EmployeeStatusBadge status={me.status} size="lg" />
              <Text fz="sm">{employeeStatusLook(me.status).meaning}</Text>
              {me.statusNote && (
                <Text fz="sm" data-testid="my-status-note">
                  <Text span fz="sm" fw={600}>
                    Note from compliance:{' '}
                  </Text>
                  {me.statusNote}
                </Text>
              )}
              <Text fz="xs" c="dimmed">
                Since {formatDateTime(me.statusChangedAt)} · {me.name}
                {me.department ? `, ${me.department}` : ''} · {me.email}
              </Text>
            </Stack>
          </Paper>
          <MyConnectionsCard />
          <ManageKeysCard />
          <MyWalletsCard />
        </Stack>
      )}
    </>
  );
}
