import { ActionIcon, Anchor, Badge, Group, Menu, Table, Text } from '@mantine/core';
import { IconDots, IconPencil, IconUserCheck, IconUserOff, IconUserShield } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { UserRowFieldsFragment } from '@/generated/graphql';
import { formatDateTime } from '@/ui/lib/formatDateTime';

type UsersTableProps = {
  users: readonly UserRowFieldsFragment[];
  canWrite: boolean;
  /** Changing a role needs roles:write besides users:write. */
  canAssignRoles: boolean;
  currentUserId: string;
  onChangeName: (user: UserRowFieldsFragment) => void;
  onChangeRole: (user: UserRowFieldsFragment) => void;
  onToggleDisabled: (user: UserRowFieldsFragment) => void;
};

/** A menu entry that cannot be used says why underneath, instead of vanishing. */
function Why({ children }: { children: string }) {
  return (
    <Text fz={11} c="dimmed" lh={1.3}>
      {children}
    </Text>
  );
}

export function UsersTable(props: UsersTableProps) {
  const { users, canWrite, canAssignRoles, currentUserId, onChangeName, onChangeRole, onToggleDisabled } = props;
  return (
    // Fixed column widths: the columns stay put across pages and searches; narrow screens scroll
    // the table inside its card instead of the page.
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
                </Table.Td>
                <Table.Td>
                  <Text fz="sm" truncate="end" title={user.email}>
                    {user.email}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text fz="sm" truncate="end" title={user.role.name}>
                      {user.role.name}
                    </Text>
                    {!user.role.builtIn && (
                      <Badge size="xs" variant="outline" color="gray" style={{ flexShrink: 0 }}>
                        Custom
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
                  <Text fz="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(user.createdAt)}
                  </Text>
                </Table.Td>
                {canWrite && (
                  <Table.Td>
                    <Menu position="bottom-end" withinPortal width={240}>
                      <Menu.Target>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={`Actions for ${user.email}`}
                          data-testid="user-actions"
                        >
                          <IconDots size={16} />
                        </ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => onChangeName(user)}>
                          Change name…
                        </Menu.Item>
                        <Menu.Item
                          leftSection={<IconUserShield size={14} />}
                          disabled={!canAssignRoles}
                          onClick={() => onChangeRole(user)}
                        >
                          Change role…
                          {!canAssignRoles && <Why>Your role cannot assign roles (needs roles:write).</Why>}
                        </Menu.Item>
                        <Menu.Item
                          color={user.disabled || self ? undefined : 'red'}
                          leftSection={user.disabled ? <IconUserCheck size={14} /> : <IconUserOff size={14} />}
                          disabled={self}
                          onClick={() => onToggleDisabled(user)}
                        >
                          {user.disabled ? 'Enable…' : 'Disable…'}
                          {self && <Why>You cannot disable your own account.</Why>}
                        </Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
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
