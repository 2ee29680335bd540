import { ActionIcon, Badge, Group, Menu, Table, Text } from '@mantine/core';
import { IconDots, IconUserCheck, IconUserOff, IconUserShield } from '@tabler/icons-react';
import type { UserRowFieldsFragment } from '@/generated/graphql';
import { formatDateTime } from '@/ui/lib/formatDateTime';

type UsersTableProps = {
  users: readonly UserRowFieldsFragment[];
  canWrite: boolean;
  currentUserId: string;
  onChangeRole: (user: UserRowFieldsFragment) => void;
  onToggleDisabled: (user: UserRowFieldsFragment) => void;
};

export function UsersTable({ users, canWrite, currentUserId, onChangeRole, onToggleDisabled }: UsersTableProps) {
  return (
    <Table striped highlightOnHover data-testid="users-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Name</Table.Th>
          <Table.Th>Email</Table.Th>
          <Table.Th>Role</Table.Th>
          <Table.Th>MFA</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Created</Table.Th>
          {canWrite && <Table.Th w={48} />}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {users.map((user) => (
          <Table.Tr key={user.id} data-testid="user-row">
            <Table.Td>
              <Text fz="sm" fw={500}>
                {user.name}
                {user.id === currentUserId && (
                  <Text span fz="xs" c="dimmed">
                    {' '}
                    (you)
                  </Text>
                )}
              </Text>
            </Table.Td>
            <Table.Td>{user.email}</Table.Td>
            <Table.Td>
              <Group gap={6}>
                {user.role.name}
                {!user.role.builtIn && (
                  <Badge size="xs" variant="outline" color="gray">
                    custom
                  </Badge>
                )}
              </Group>
            </Table.Td>
            <Table.Td>
              {user.mfaEnabled ? (
                <Badge size="sm" color="teal" variant="light">
                  On
                </Badge>
              ) : (
                <Badge size="sm" color="orange" variant="light">
                  Off
                </Badge>
              )}
            </Table.Td>
            <Table.Td>
              {user.disabled ? (
                <Badge size="sm" color="red" variant="light">
                  Disabled
                </Badge>
              ) : (
                <Badge size="sm" color="gray" variant="light">
                  Active
                </Badge>
              )}
            </Table.Td>
            <Table.Td>
              <Text fz="xs" c="dimmed">
                {formatDateTime(user.createdAt)}
              </Text>
            </Table.Td>
            {canWrite && (
              <Table.Td>
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${user.email}`} data-testid="user-actions">
                      <IconDots size={16} />
                    </ActionIcon>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item leftSection={<IconUserShield size={14} />} onClick={() => onChangeRole(user)}>
                      Change role…
                    </Menu.Item>
                    {user.id !== currentUserId && (
                      <Menu.Item
                        color={user.disabled ? undefined : 'red'}
                        leftSection={user.disabled ? <IconUserCheck size={14} /> : <IconUserOff size={14} />}
                        onClick={() => onToggleDisabled(user)}
                      >
                        {user.disabled ? 'Enable…' : 'Disable…'}
                      </Menu.Item>
                    )}
                  </Menu.Dropdown>
                </Menu>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
