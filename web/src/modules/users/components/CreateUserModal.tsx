import { useMutation } from '@apollo/client/react';
import { PasswordInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useState } from 'react';
import { CreateUserDocument } from '@/generated/graphql';
import { JustifiedActionModal } from '@/ui/components/JustifiedActionModal';
import { useRoleOptions } from '../hooks/useRoleOptions';

// The server's rule; checked here too so the form says so before submitting.
const MIN_PASSWORD_LENGTH = 12;

type CreateUserModalProps = { opened: boolean; onClose: () => void; onCreated: () => void };

export function CreateUserModal({ opened, onClose, onCreated }: CreateUserModalProps) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [roleId, setRoleId] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const { options, loading } = useRoleOptions(!opened);
  const [createUser] = useMutation(CreateUserDocument);

  const close = () => {
    setEmail('');
    setName('');
    setRoleId(null);
    setPassword('');
    onClose();
  };

  return (
    <JustifiedActionModal
      opened={opened}
      onClose={close}
      title="New user"
      confirmLabel="Create user"
      size="lg"
      canSubmit={email.includes('@') && name.trim() !== '' && roleId !== null && password.length >= MIN_PASSWORD_LENGTH}
      onConfirm={async (justification) => {
        if (!roleId) return;
        await createUser({
          variables: { input: { email: email.trim(), name: name.trim(), roleId, password }, justification },
        });
        onCreated();
      }}
    >
      <SimpleGrid cols={2} spacing="sm">
        <TextInput
          label="Full name"
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          data-testid="new-user-name"
        />
        <TextInput
          label="Work email"
          type="email"
          required
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          data-testid="new-user-email"
        />
        <Select
          label="Role"
          required
          data={options}
          value={roleId}
          onChange={setRoleId}
          placeholder={loading ? 'Loading roles…' : 'Choose a role'}
          data-testid="new-user-role"
        />
        <PasswordInput
          label="Initial password"
          description={`At least ${MIN_PASSWORD_LENGTH} characters. Share it out of band; they should change it.`}
          autoComplete="new-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          data-testid="new-user-password"
        />
      </SimpleGrid>
    </JustifiedActionModal>
  );
}
