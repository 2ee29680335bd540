import { useMutation } from '@apollo/client/react';
import { SimpleGrid, TextInput } from '@mantine/core';
import { type EmployeeInvitationFieldsFragment, InviteEmployeeDocument } from '@/generated/graphql';
import { JustifiedActionModal } from '@/ui/components/JustifiedActionModal';
import { useValidatedForm } from '@/ui/hooks/useValidatedForm';
import { notifySuccess } from '@/ui/lib/notifySuccess';
import { DEPARTMENT_MAX_LENGTH, type EmployeeForm, validateEmployeeForm } from '../lib/validateEmployeeForm';

type InviteEmployeeModalProps = {
  opened: boolean;
  onClose: () => void;
  /** The new employee and its link, to show once. */
  onInvited: (invitation: EmployeeInvitationFieldsFragment) => void;
};

const EMPTY: EmployeeForm = { name: '', email: '', department: '' };

export function InviteEmployeeModal({ opened, onClose, onInvited }: InviteEmployeeModalProps) {
  const { form, validateAll, reset, textInputProps } = useValidatedForm(EMPTY, validateEmployeeForm);
  const [inviteEmployee] = useMutation(InviteEmployeeDocument);

  const close = () => {
    reset();
    onClose();
  };

  return (
    <JustifiedActionModal
      opened={opened}
      onClose={close}
      title="Invite employee"
      confirmLabel="Invite and get link"
      size="lg"
      validate={validateAll}
      onConfirm={async (justification) => {
        const department = form.department.trim();
        const input = { name: form.name.trim(), email: form.email.trim(), department: department || null };
        const { data } = await inviteEmployee({ variables: { input, justification } });
        if (!data) throw new Error('The invitation was not created.');
        notifySuccess(
          'Employee invited',
          `${data.inviteEmployee.employee.name} is on the roster. Copy the link now: it is shown once.`,
        );
        reset();
        onInvited(data.inviteEmployee);
      }}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label="Full name"
          description="As compliance should see it"
          required
          {...textInputProps('name')}
          data-testid="invite-name"
        />
        <TextInput
          label="Work email"
          description="Their sign-in name"
          type="email"
          required
          {...textInputProps('email')}
          data-testid="invite-email"
        />
        <TextInput
          label="Department"
          description={`Optional, up to ${DEPARTMENT_MAX_LENGTH} characters`}
          placeholder="e.g. Fixed income trading"
          {...textInputProps('department')}
          data-testid="invite-department"
        />
      </SimpleGrid>
    </JustifiedActionModal>
  );
}
