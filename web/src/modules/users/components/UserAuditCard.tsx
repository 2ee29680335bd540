import { useQuery } from '@apollo/client/react';
import { Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { UserAuditEntriesDocument } from '@/generated/graphql';
import { QueryErrorState } from '@/ui/components/QueryErrorState';
import { TableSkeleton } from '@/ui/components/TableSkeleton';
import { formatDateTime } from '@/ui/lib/formatDateTime';

const RECENT = 20;
const OUTCOME_COLOR = { allowed: 'teal', denied: 'red', error: 'orange' } as const;

/** The user's own recent actions, from the audit log (the reader needs audit:read: see UserDetailPage). */
export function UserAuditCard({ userId }: { userId: string }) {
  const { data, error, refetch } = useQuery(UserAuditEntriesDocument, { variables: { actorId: userId, first: RECENT } });
  const entries = data?.auditEntries.nodes;
  return (
    <Paper withBorder p="lg" data-testid="user-audit">
      <Stack gap="sm">
        <Title order={5}>Recent activity</Title>
        <Text fz="xs" c="dimmed">
          The last {RECENT} audit entries where this person acted: reads, changes and refused attempts.
        </Text>
        {error && !entries ? (
          <QueryErrorState error={error} onRetry={() => void refetch()} />
        ) : !entries ? (
          <TableSkeleton />
        ) : entries.length === 0 ? (
          <Text fz="sm" c="dimmed" data-testid="user-audit-empty">
            No entries yet.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640} type="native">
            <Table striped layout="fixed">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={190}>When</Table.Th>
                  <Table.Th>Action</Table.Th>
                  <Table.Th w={200}>On</Table.Th>
                  <Table.Th w={100}>Outcome</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((e) => (
                  <Table.Tr key={e.id} data-testid="user-audit-row">
                    <Table.Td fz="xs">{formatDateTime(e.at)}</Table.Td>
                    <Table.Td>
                      <Text fz="sm" ff="monospace" truncate="end" title={e.action}>
                        {e.action}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text fz="xs" c="dimmed" truncate="end" title={e.resourceId ?? undefined}>
                        {e.resourceType ?? '—'}
                        {e.resourceId ? ` ${e.resourceId}` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge size="sm" variant="light" color={OUTCOME_COLOR[e.outcome]}>
                        {e.outcome}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
