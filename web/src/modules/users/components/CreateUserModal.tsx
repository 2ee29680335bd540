import { useMutation } from '@apollo/client/react';
import { PasswordInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import { CreateUserDocument } from '@/generated/graphql';
import { JustifiedActionModal } from '@/ui/components/JustifiedActionModal';
import { useValidatedForm } from '@/ui/hooks/useValidatedForm';
import { notifySuccess } from '@/ui/lib/notifySuccess';
import { PASSWORD_MIN_LENGTH } from '@/ui/lib/passwordPolicy';
import { useRoleOptions } from '../hooks/useRoleOptions';
import { type NewUserForm, validateNewUser } from '../lib/validateNewUser';

type CreateUserModalProps = { opened: boolean; onClose: () => void; onCreated: () => void };

const EMPTY: NewUserForm = { name: '', email: '', roleId: null, password: '' };

export function CreateUserModal({ opened, onClose, onCreated }: CreateUserModalProps) {
  const { form, errors, set, validateAll, reset, textInputProps } = useValidatedForm(EMPTY, validateNewUser);
  const { options, loading } = useRoleOptions(!opened);
  const [createUser] = useMutation(CreateUserDocument);

  const close = () => {
    reset();
    onClose();
  };

  return (
    <JustifiedActionModal
      opened={opened}
      onClose={close}
      title="New user"
      confirmLabel="Create user"
      size="lg"
      validate={validateAll}
      onConfirm={async (justification) => {
        if (!form.roleId) return;
        const input = { email: form.email.trim(), name: form.name.trim(), roleId: form.roleId, password: form.password };
        const { data } = await createUser({ variables: { input, justification } });
        const user = data?.createUser;
        notifySuccess(
          'User created',
          user
            ? `${user.name} (${user.email}) can now sign in as ${user.role.name}. Share the initial password out of band.`
            : `${input.name} can now sign in.`,
        );
        reset();
        onCreated();
      }}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label="Full name" required {...textInputProps('name')} data-testid="new-user-name" />
        <TextInput label="Work email" type="email" required {...textInputProps('email')} data-testid="new-user-email" />
        <Select
          label="Role"
          required
          data={options}
          value={form.roleId}
          onChange={(roleId) => set('roleId', roleId)}
          error={errors.roleId}
          placeholder={loading ? 'Loading roles…' : 'Choose a role'}
          data-testid="new-user-role"
        />
        <PasswordInput
          label="Initial password"
          description={`At least ${PASSWORD_MIN_LENGTH} characters. Share it out of band; they should change it.`}
          autoComplete="new-password"
          required
          {...textInputProps('password')}
          data-testid="new-user-password"
        />
      </SimpleGrid>
    </JustifiedActionModal>
  );
}
