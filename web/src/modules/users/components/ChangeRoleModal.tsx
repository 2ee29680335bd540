import { useMutation } from '@apollo/client/react';
import { Select, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { AssignRoleDocument, type UserRowFieldsFragment } from '@/generated/graphql';
import { JustifiedActionModal } from '@/ui/components/JustifiedActionModal';
import { notifySuccess } from '@/ui/lib/notifySuccess';
import { useRoleOptions } from '../hooks/useRoleOptions';

type ChangeRoleModalProps = { user: UserRowFieldsFragment | null; onClose: () => void };

export function ChangeRoleModal({ user, onClose }: ChangeRoleModalProps) {
  const [roleId, setRoleId] = useState<string | null>(null);
  const { options } = useRoleOptions(!user);
  const [assignRole] = useMutation(AssignRoleDocument);

  useEffect(() => setRoleId(user?.role.id ?? null), [user]);

  const blockedReason =
    roleId === null ? 'Choose the new role first.' : roleId === user?.role.id ? `${user.name} already has this role.` : null;

  return (
    <JustifiedActionModal
      opened={user !== null}
      onClose={onClose}
      title="Change role"
      confirmLabel="Change role"
      blockedReason={blockedReason}
      onConfirm={async (justification) => {
        if (!user || !roleId) return;
        const { data } = await assignRole({ variables: { userId: user.id, roleId, justification } });
        const role = data?.assignRole.role.name ?? options.find((o) => o.value === roleId)?.label ?? 'the new role';
        notifySuccess('Role changed', `${user.name} is now ${role}. Their open sessions were signed out.`);
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
