import { ActionIcon, Badge, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconLock, IconPencil, IconTrash } from '@tabler/icons-react';
import type { RoleFieldsFragment } from '@/generated/graphql';

type RolesTableProps = {
  roles: readonly RoleFieldsFragment[];
  canWrite: boolean;
  onEdit: (role: RoleFieldsFragment) => void;
  onDelete: (role: RoleFieldsFragment) => void;
};

const MAX_BADGES = 8;

export function RolesTable({ roles, canWrite, onEdit, onDelete }: RolesTableProps) {
  return (
    <Table striped highlightOnHover data-testid="roles-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={300}>Role</Table.Th>
          <Table.Th>Permissions</Table.Th>
          <Table.Th w={70} ta="right">
            Users
          </Table.Th>
          <Table.Th w={90} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {roles.map((role) => (
          <Table.Tr key={role.id} data-testid="role-row">
            <Table.Td>
              <Group gap={6} wrap="nowrap">
                <Text fz="sm" fw={500}>
                  {role.name}
                </Text>
                {role.builtIn ? (
                  <Badge size="xs" variant="light" color="vigil">
                    built-in
                  </Badge>
                ) : (
                  <Badge size="xs" variant="outline" color="gray">
                    custom
                  </Badge>
                )}
              </Group>
              {role.description && (
                <Text fz="xs" c="dimmed">
                  {role.description}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              {role.permissions.length === 0 ? (
                <Text fz="xs" c="dimmed" fs="italic">
                  No permissions — sees nothing
                </Text>
              ) : (
                <Group gap={4}>
                  {role.permissions.slice(0, MAX_BADGES).map((p) => (
                    <Badge key={p} size="xs" variant="default" tt="none" fw={500}>
                      {p}
                    </Badge>
                  ))}
                  {role.permissions.length > MAX_BADGES && (
                    <Tooltip label={role.permissions.slice(MAX_BADGES).join(', ')} multiline w={320}>
                      <Badge size="xs" variant="transparent" color="gray">
                        +{role.permissions.length - MAX_BADGES} more
                      </Badge>
                    </Tooltip>
                  )}
                </Group>
              )}
            </Table.Td>
            <Table.Td ta="right">{role.userCount}</Table.Td>
            <Table.Td>
              <Group gap={2} justify="flex-end" wrap="nowrap">
                {role.builtIn ? (
                  <Tooltip label="Built-in roles are read-only">
                    <ActionIcon variant="subtle" color="gray" aria-label="Read-only" onClick={() => onEdit(role)}>
                      <IconLock size={15} />
                    </ActionIcon>
                  </Tooltip>
                ) : canWrite ? (
                  <>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={`Edit ${role.name}`}
                      onClick={() => onEdit(role)}
                      data-testid="role-edit"
                    >
                      <IconPencil size={15} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Delete ${role.name}`}
                      onClick={() => onDelete(role)}
                      data-testid="role-delete"
                    >
                      <IconTrash size={15} />
                    </ActionIcon>
                  </>
                ) : null}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
