import { Anchor, Badge, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconCopy, IconPencil, IconTrash } from '@tabler/icons-react';
import type { RoleFieldsFragment } from '@/generated/graphql';
import { ExplainedActionIcon } from '@/ui/components/ExplainedActionIcon';
import { deleteRoleBlockedReason } from '../lib/deleteRoleBlockedReason';

type RolesTableProps = {
  roles: readonly RoleFieldsFragment[];
  canWrite: boolean;
  onView: (role: RoleFieldsFragment) => void;
  onEdit: (role: RoleFieldsFragment) => void;
  onCopy: (role: RoleFieldsFragment) => void;
  onDelete: (role: RoleFieldsFragment) => void;
};

const MAX_BADGES = 8;

export function RolesTable({ roles, canWrite, onView, onEdit, onCopy, onDelete }: RolesTableProps) {
  return (
    <Table.ScrollContainer minWidth={640} type="native">
      <Table striped highlightOnHover layout="fixed" data-testid="roles-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="30%">Role</Table.Th>
            <Table.Th>Permissions</Table.Th>
            <Table.Th w={70} ta="right">
              Users
            </Table.Th>
            {canWrite && <Table.Th w={120} aria-label="Actions" />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {roles.map((role) => (
            <Table.Tr key={role.id} data-testid="role-row">
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Anchor
                    component="button"
                    type="button"
                    fz="sm"
                    fw={500}
                    c="inherit"
                    onClick={() => onView(role)}
                    title="Show this role's permissions"
                    style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
                  >
                    {role.name}
                  </Anchor>
                  {role.builtIn ? (
                    <Badge size="xs" variant="light" color="vigil" style={{ flexShrink: 0 }}>
                      Built-in
                    </Badge>
                  ) : (
                    <Badge size="xs" variant="outline" color="gray" style={{ flexShrink: 0 }}>
                      Custom
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
                    No permissions: sees nothing
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
              <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {role.userCount}
              </Table.Td>
              {canWrite && (
                <Table.Td>
                  <Group gap={2} justify="flex-end" wrap="nowrap">
                    <ExplainedActionIcon
                      label={`Edit ${role.name}`}
                      disabledReason={
                        role.builtIn
                          ? 'Built-in roles cannot be edited: they ship with Vigil. Copy it into a custom role instead.'
                          : null
                      }
                      onClick={() => onEdit(role)}
                      testId="role-edit"
                    >
                      <IconPencil size={15} />
                    </ExplainedActionIcon>
                    <ExplainedActionIcon
                      label={`Copy ${role.name} into a new custom role`}
                      onClick={() => onCopy(role)}
                      testId="role-copy"
                    >
                      <IconCopy size={15} />
                    </ExplainedActionIcon>
                    <ExplainedActionIcon
                      label={`Delete ${role.name}`}
                      disabledReason={deleteRoleBlockedReason(role)}
                      color="red"
                      onClick={() => onDelete(role)}
                      testId="role-delete"
                    >
                      <IconTrash size={15} />
                    </ExplainedActionIcon>
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
