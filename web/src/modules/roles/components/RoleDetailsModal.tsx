import { Badge, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import type { RoleFieldsFragment } from '@/generated/graphql';
import { PermissionMatrix } from './PermissionMatrix';

type RoleDetailsModalProps = {
  role: RoleFieldsFragment | null;
  catalog: readonly string[];
  onClose: () => void;
  /** Offered to people who may create roles: the way to a changed built-in role. */
  onCopy?: (role: RoleFieldsFragment) => void;
};

/** A role's permissions, read-only. Built-in roles are only ever shown: their definitions ship with Vigil. */
export function RoleDetailsModal({ role, catalog, onClose, onCopy }: RoleDetailsModalProps) {
  return (
    <Modal
      opened={role !== null}
      onClose={onClose}
      title={
        <Group gap={8}>
          <Text fw={600}>{role?.name}</Text>
          {role?.builtIn && (
            <Badge size="xs" variant="light" color="vigil">
              Built-in · read-only
            </Badge>
          )}
        </Group>
      }
      size="lg"
    >
      <Stack gap="sm">
        {role?.description && (
          <Text fz="sm" c="dimmed">
            {role.description}
          </Text>
        )}
        <Text fz="xs" c="dimmed">
          {role?.userCount === 1 ? '1 user holds' : `${role?.userCount ?? 0} users hold`} this role.
          {role?.builtIn && ' Built-in roles cannot be changed; copy one into a custom role to adjust it.'}
        </Text>
        <PermissionMatrix catalog={catalog} selected={role?.permissions ?? []} readOnly />
        {onCopy && role && (
          <Group justify="flex-end">
            <Button variant="default" leftSection={<IconCopy size={14} />} onClick={() => onCopy(role)}>
              Copy into a custom role
            </Button>
          </Group>
        )}
      </Stack>
    </Modal>
  );
}
