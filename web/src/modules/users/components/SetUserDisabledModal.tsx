import { useMutation } from '@apollo/client/react';
import { Text } from '@mantine/core';
import { UpdateUserDocument, type UserRowFieldsFragment } from '@/generated/graphql';
import { JustifiedActionModal } from '@/ui/components/JustifiedActionModal';
import { notifySuccess } from '@/ui/lib/notifySuccess';

type SetUserDisabledModalProps = { user: UserRowFieldsFragment | null; onClose: () => void };

export function SetUserDisabledModal({ user, onClose }: SetUserDisabledModalProps) {
  const [updateUser] = useMutation(UpdateUserDocument);
  const disabling = user ? !user.disabled : true;

  return (
    <JustifiedActionModal
      opened={user !== null}
      onClose={onClose}
      title={disabling ? 'Disable user' : 'Enable user'}
      confirmLabel={disabling ? 'Disable user' : 'Enable user'}
      color={disabling ? 'red' : undefined}
      onConfirm={async (justification) => {
        if (!user) return;
        await updateUser({ variables: { id: user.id, input: { disabled: disabling }, justification } });
        if (disabling) {
          notifySuccess('User disabled', `${user.name} was signed out and cannot sign in until enabled again.`);
        } else {
          notifySuccess('User enabled', `${user.name} can sign in again with their existing password and MFA.`);
        }
      }}
    >
      <Text fz="sm">
        {disabling
          ? `${user?.name ?? ''} will be signed out and cannot sign in until enabled again. Their audit history stays.`
          : `${user?.name ?? ''} will be able to sign in again with their existing password and MFA.`}
      </Text>
    </JustifiedActionModal>
  );
}
