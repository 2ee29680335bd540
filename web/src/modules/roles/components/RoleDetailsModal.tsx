import { Modal, Stack, Text } from '@mantine/core';
import type { RoleFieldsFragment } from '@/generated/graphql';
import { PermissionMatrix } from './PermissionMatrix';

type RoleDetailsModalProps = { role: RoleFieldsFragment | null; catalog: readonly string[]; onClose: () => void };

/** Built-in roles are shown, never edited: their definitions ship with Vigil. */
export function RoleDetailsModal({ role, catalog, onClose }: RoleDetailsModalProps) {
  return (
    <Modal opened={role !== null} onClose={onClose} title={`${role?.name ?? ''} (built-in, read-only)`} size="lg">
      <Stack gap="sm">
        {role?.description && (
          <Text fz="sm" c="dimmed">
            {role.description}
          </Text>
        )}
        <PermissionMatrix catalog={catalog} selected={role?.permissions ?? []} readOnly />
      </Stack>
    </Modal>
  );
}
