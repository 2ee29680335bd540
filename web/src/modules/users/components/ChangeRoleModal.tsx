import { useMutation } from '@apollo/client/react';
import { Select, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { AssignRoleDocument, type UserRowFieldsFragment } from '@/generated/graphql';
import { JustifiedActionModal } from '@/ui/components/JustifiedActionModal';
import { useRoleOptions } from '../hooks/useRoleOptions';

type ChangeRoleModalProps = { user: UserRowFieldsFragment | null; onClose: () => void };

export function ChangeRoleModal({ user, onClose }: ChangeRoleModalProps) {
  const [roleId, setRoleId] = useState<string | null>(null);
  const { options } = useRoleOptions(!user);
  const [assignRole] = useMutation(AssignRoleDocument);

  useEffect(() => setRoleId(user?.role.id ?? null), [user]);

  return (
    <JustifiedActionModal
      opened={user !== null}
      onClose={onClose}
      title="Change role"
      confirmLabel="Change role"
      canSubmit={roleId !== null && roleId !== user?.role.id}
      onConfirm={async (justification) => {
        if (!user || !roleId) return;
        await assignRole({ variables: { userId: user.id, roleId, justification } });
      }}
    >
      <Text fz="sm">
        {user?.name}{' '}
        <Text span c="dimmed">
          ({user?.email})
        </Text>{' '}
        is currently <b>{user?.role.name}</b>. Changing the role signs them out of their current sessions.
      </Text>
      <Select label="New role" data={options} value={roleId} onChange={setRoleId} data-testid="change-role-select" />
    </JustifiedActionModal>
  );
}
