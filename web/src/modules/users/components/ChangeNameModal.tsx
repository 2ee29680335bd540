import { useMutation } from '@apollo/client/react';
import { TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { UpdateUserDocument, type UserRowFieldsFragment } from '@/generated/graphql';
import { JustifiedActionModal } from '@/ui/components/JustifiedActionModal';
import { notifySuccess } from '@/ui/lib/notifySuccess';
import { validateUserName } from '../lib/validateNewUser';

type ChangeNameModalProps = { user: UserRowFieldsFragment | null; onClose: () => void };

export function ChangeNameModal({ user, onClose }: ChangeNameModalProps) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [updateUser] = useMutation(UpdateUserDocument);

  useEffect(() => {
    setName(user?.name ?? '');
    setError(null);
  }, [user]);

  return (
    <JustifiedActionModal
      opened={user !== null}
      onClose={onClose}
      title="Change name"
      confirmLabel="Save name"
      blockedReason={name.trim() === user?.name ? 'Type the new name first.' : null}
      validate={() => {
        const invalid = validateUserName(name);
        setError(invalid);
        return invalid === null;
      }}
      onConfirm={async (justification) => {
        if (!user) return;
        await updateUser({ variables: { id: user.id, input: { name: name.trim() }, justification } });
        notifySuccess('Name changed', `${user.name} is now shown as ${name.trim()}.`);
      }}
    >
      <TextInput
        label="Full name"
        description={user ? `Their email stays ${user.email}.` : undefined}
        required
        value={name}
        onChange={(e) => {
          setName(e.currentTarget.value);
          setError(null);
        }}
        error={error}
        data-testid="change-name-input"
      />
    </JustifiedActionModal>
  );
}
