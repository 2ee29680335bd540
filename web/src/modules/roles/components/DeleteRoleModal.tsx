import { useMutation } from '@apollo/client/react';
import { Alert, Text } from '@mantine/core';
import { DeleteRoleDocument, type RoleFieldsFragment } from '@/generated/graphql';
import { JustifiedActionModal } from '@/ui/components/JustifiedActionModal';

type DeleteRoleModalProps = { role: RoleFieldsFragment | null; onClose: () => void; onDeleted: () => void };

export function DeleteRoleModal({ role, onClose, onDeleted }: DeleteRoleModalProps) {
  const [deleteRole] = useMutation(DeleteRoleDocument);
  const inUse = (role?.userCount ?? 0) > 0;

  return (
    <JustifiedActionModal
      opened={role !== null}
      onClose={onClose}
      title="Delete custom role"
      confirmLabel="Delete role"
      color="red"
      onConfirm={async (justification) => {
        if (!role) return;
        await deleteRole({ variables: { id: role.id, justification } });
        onDeleted();
      }}
    >
      <Text fz="sm">
        Delete <b>{role?.name}</b>? This cannot be undone; the audit log keeps its history.
      </Text>
      {inUse && (
        <Alert color="orange" variant="light">
          {role?.userCount} {role?.userCount === 1 ? 'user has' : 'users have'} this role. Move them to another role first; the
          server refuses to delete a role in use.
        </Alert>
      )}
    </JustifiedActionModal>
  );
}
