import { useMutation } from '@apollo/client/react';
import { Alert, Select, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { AssignRoleDocument, type UserRowFieldsFragment } from '@/generated/graphql';
import { useSignOut, useViewer } from '@/modules/auth';
import { JustifiedActionModal } from '@/ui/components/JustifiedActionModal';
import { errorCodesOf, errorMessageOf } from '@/ui/lib/errorCodes';
import { notifySuccess } from '@/ui/lib/notifySuccess';
import { useRoleOptions } from '../hooks/useRoleOptions';
import { OWN_ROLE_WARNING, ownRoleSignedOutNotice, roleChangeRefusal } from '../lib/roleChangeText';

type ChangeRoleModalProps = { user: UserRowFieldsFragment | null; onClose: () => void };

export function ChangeRoleModal({ user, onClose }: ChangeRoleModalProps) {
  const viewer = useViewer();
  const signOut = useSignOut();
  const [roleId, setRoleId] = useState<string | null>(null);
  const { options } = useRoleOptions(!user);
  const [assignRole] = useMutation(AssignRoleDocument);
  const self = user !== null && user.id === viewer.user.id;

  useEffect(() => setRoleId(user?.role.id ?? null), [user]);

  const blockedReason =
    roleId === null
      ? 'Choose the new role first.'
      : roleId === user?.role.id
        ? `${self ? 'You already have' : `${user.name} already has`} this role.`
        : null;

  return (
    <JustifiedActionModal
      opened={user !== null}
      onClose={onClose}
      title={self ? 'Change your own role' : 'Change role'}
      confirmLabel={self ? 'Change my role and sign out' : 'Change role'}
      color={self ? 'orange' : undefined}
      blockedReason={blockedReason}
      onConfirm={async (justification) => {
        if (!user || !roleId) return;
        let role: string;
        try {
          const { data } = await assignRole({ variables: { userId: user.id, roleId, justification } });
          role = data?.assignRole.role.name ?? options.find((o) => o.value === roleId)?.label ?? 'the new role';
        } catch (err) {
          throw new Error(roleChangeRefusal(errorCodesOf(err)[0] ?? null, errorMessageOf(err), self));
        }
        // The server ended every session of the user, this one too when it is one's own.
        if (self) await signOut(ownRoleSignedOutNotice(role));
        else notifySuccess('Role changed', `${user.name} is now ${role}. Their open sessions were signed out.`);
      }}
    >
      {self ? (
        <Alert color="orange" icon={<IconAlertTriangle size={16} />} data-testid="own-role-warning">
          {OWN_ROLE_WARNING} You are currently <b>{user.role.name}</b>.
        </Alert>
      ) : (
        <Text fz="sm">
          {user?.name}{' '}
          <Text span c="dimmed">
            ({user?.email})
          </Text>{' '}
          is currently <b>{user?.role.name}</b>. Changing the role signs them out of their current sessions.
        </Text>
      )}
      <Select label="New role" data={options} value={roleId} onChange={setRoleId} data-testid="change-role-select" />
    </JustifiedActionModal>
  );
}
