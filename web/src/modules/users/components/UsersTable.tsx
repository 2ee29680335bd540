import { Anchor, Badge, Box, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { UserRowFieldsFragment } from '@/generated/graphql';
import { stackedRowDivider, useStackedRows } from '@/ui/hooks/useStackedRows';
import { formatDateTime } from '@/ui/lib/formatDateTime';
import { type UserActions, UserActionsMenu } from './UserActionsMenu';

type User = UserRowFieldsFragment;

type UsersTableProps = UserActions & {
  users: readonly User[];
  canWrite: boolean;
  currentUserId: string;
};

/**
 * The organization's users: a name opens the user's page, the menu holds an Admin's actions. On a
 * phone each user is a card with role, MFA, status and the menu beside the name, none of it off to
 * the side of a table that scrolls.
 */
export function UsersTable(props: UsersTableProps) {
  const stacked = useStackedRows();
  return stacked ? <UserCards {...props} /> : <UserRows {...props} />;
}

function UserName({ user, self }: { user: User; self: boolean }) {
  return (
    <Text fz="sm" fw={500} truncate="end" title={user.name}>
      <Anchor component={Link} to={`/users/${user.id}`} inherit data-testid="user-link">
        {user.name}
      </Anchor>
      {self && (
        <Text span fz="xs" c="dimmed">
          {' '}
          (you)
        </Text>
      )}
    </Text>
  );
}

function RoleName({ user }: { user: User }) {
  return (
    <Group gap={6} wrap="nowrap" miw={0}>
      <Text fz="sm" truncate="end" title={user.role.name}>
        {user.role.name}
      </Text>
      {!user.role.builtIn && (
        <Badge size="xs" variant="outline" color="gray" style={{ flexShrink: 0 }}>
          Custom
        </Badge>
      )}
    </Group>
  );
}

/** "On"/"Off" under the table's MFA heading; a card, without the heading, says "MFA on". */
function MfaBadge({ user, named = false }: { user: User; named?: boolean }) {
  const state = user.mfaEnabled ? 'On' : 'Off';
  return (
    <Badge size="sm" color={user.mfaEnabled ? 'teal' : 'orange'} variant="light" data-testid="user-mfa">
      {named ? `MFA ${state.toLowerCase()}` : state}
    </Badge>
  );
}

function AccountBadge({ user }: { user: User }) {
  return (
    <Badge size="sm" color={user.disabled ? 'red' : 'gray'} variant="light" data-testid="user-status">
      {user.disabled ? 'Disabled' : 'Active'}
    </Badge>
  );
}

function UserCards({ users, canWrite, currentUserId, ...actions }: UsersTableProps) {
  return (
    <Stack gap={0} data-testid="users-table">
      {users.map((user, index) => {
        const self = user.id === currentUserId;
        return (
          <Box key={user.id} p="sm" style={stackedRowDivider(index)} data-testid="user-row">
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
              <Box miw={0}>
                <UserName user={user} self={self} />
                <Text fz="xs" c="dimmed" truncate="end" title={user.email}>
                  {user.email}
                </Text>
              </Box>
              <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
                <AccountBadge user={user} />
                {canWrite && <UserActionsMenu user={user} self={self} actions={actions} />}
              </Group>
            </Group>
            <Group justify="space-between" wrap="nowrap" gap="xs" mt={6}>
              <RoleName user={user} />
              <MfaBadge user={user} named />
            </Group>
            <Text fz={11} c="dimmed" mt={4}>
              Created {formatDateTime(user.createdAt)}
            </Text>
          </Box>
        );
      })}
    </Stack>
  );
}

function UserRows({ users, canWrite, currentUserId, ...actions }: UsersTableProps) {
  return (
    // Fixed column widths: the columns stay put across pages and searches.
    <Table.ScrollContainer minWidth={1000} type="native">
      <Table striped highlightOnHover layout="fixed" data-testid="users-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Email</Table.Th>
            <Table.Th w={180}>Role</Table.Th>
            <Table.Th w={70}>MFA</Table.Th>
            <Table.Th w={120}>Status</Table.Th>
            <Table.Th w={190}>Created</Table.Th>
            {canWrite && <Table.Th w={56} aria-label="Actions" />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => {
            const self = user.id === currentUserId;
            return (
              <Table.Tr key={user.id} data-testid="user-row">
                <Table.Td>
                  <UserName user={user} self={self} />
                </Table.Td>
                <Table.Td>
                  <Text fz="sm" truncate="end" title={user.email}>
                    {user.email}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <RoleName user={user} />
                </Table.Td>
                <Table.Td>
                  <MfaBadge user={user} />
                </Table.Td>
                <Table.Td>
                  <AccountBadge user={user} />
                </Table.Td>
                <Table.Td>
                  <Text fz="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(user.createdAt)}
                  </Text>
                </Table.Td>
                {canWrite && (
                  <Table.Td>
                    <UserActionsMenu user={user} self={self} actions={actions} />
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
