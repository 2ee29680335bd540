import { useMutation } from '@apollo/client/react';
import { PasswordInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useState } from 'react';
import { CreateUserDocument } from '@/generated/graphql';
import { JustifiedActionModal } from '@/ui/components/JustifiedActionModal';
import { useFieldErrors } from '@/ui/hooks/useFieldErrors';
import { notifySuccess } from '@/ui/lib/notifySuccess';
import { PASSWORD_MIN_LENGTH } from '@/ui/lib/passwordPolicy';
import { useRoleOptions } from '../hooks/useRoleOptions';
import { type NewUserField, type NewUserForm, validateNewUser } from '../lib/validateNewUser';

type CreateUserModalProps = { opened: boolean; onClose: () => void; onCreated: () => void };

const EMPTY: NewUserForm = { name: '', email: '', roleId: null, password: '' };

export function CreateUserModal({ opened, onClose, onCreated }: CreateUserModalProps) {
  const [form, setForm] = useState<NewUserForm>(EMPTY);
  const { errors, show, clear, reset } = useFieldErrors<NewUserField>();
  const { options, loading } = useRoleOptions(!opened);
  const [createUser] = useMutation(CreateUserDocument);

  const set = <K extends NewUserField>(field: K, value: NewUserForm[K]) => {
    setForm((prev) => ({ ...prev, [field]: value }));
    clear(field);
  };
  // Leaving a filled field says at once what is wrong with it; an empty one waits for submit.
  const check = (field: NewUserField) => {
    if (form[field]) show({ [field]: validateNewUser(form)[field] });
  };

  const close = () => {
    setForm(EMPTY);
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
      validate={() => show(validateNewUser(form))}
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
        setForm(EMPTY);
        onCreated();
      }}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label="Full name"
          required
          value={form.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          onBlur={() => check('name')}
          error={errors.name}
          data-testid="new-user-name"
        />
        <TextInput
          label="Work email"
          type="email"
          required
          value={form.email}
          onChange={(e) => set('email', e.currentTarget.value)}
          onBlur={() => check('email')}
          error={errors.email}
          data-testid="new-user-email"
        />
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
          value={form.password}
          onChange={(e) => set('password', e.currentTarget.value)}
          onBlur={() => check('password')}
          error={errors.password}
          data-testid="new-user-password"
        />
      </SimpleGrid>
    </JustifiedActionModal>
  );
}
