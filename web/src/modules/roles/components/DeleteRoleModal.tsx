import { useMutation } from '@apollo/client/react';
import { Alert, Text } from '@mantine/core';
import { DeleteRoleDocument, type RoleFieldsFragment } from '@/generated/graphql';
import { JustifiedActionModal } from '@/ui/components/JustifiedActionModal';
import { notifySuccess } from '@/ui/lib/notifySuccess';
import { deleteRoleBlockedReason } from '../lib/deleteRoleBlockedReason';

type DeleteRoleModalProps = { role: RoleFieldsFragment | null; onClose: () => void; onDeleted: () => void };

export function DeleteRoleModal({ role, onClose, onDeleted }: DeleteRoleModalProps) {
  const [deleteRole] = useMutation(DeleteRoleDocument);
  const blocked = role ? deleteRoleBlockedReason(role) : null;

  return (
    <JustifiedActionModal
      opened={role !== null}
      onClose={onClose}
      title="Delete custom role"
      confirmLabel="Delete role"
      color="red"
      blockedReason={blocked}
      onConfirm={async (justification) => {
        if (!role) return;
        await deleteRole({ variables: { id: role.id, justification } });
        notifySuccess('Role deleted', `“${role.name}” is gone. The audit log keeps its history.`);
        onDeleted();
      }}
    >
      <Text fz="sm">
        Delete <b>{role?.name}</b>? This cannot be undone; the audit log keeps its history.
      </Text>
      {blocked && (
        <Alert color="orange" variant="light">
          {blocked}
        </Alert>
      )}
    </JustifiedActionModal>
  );
}
