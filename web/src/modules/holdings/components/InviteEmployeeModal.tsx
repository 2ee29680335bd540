import { useMutation } from '@apollo/client/react';
import { SimpleGrid, TextInput } from '@mantine/core';
import { useState } from 'react';
import { type EmployeeInvitationFieldsFragment, InviteEmployeeDocument } from '@/generated/graphql';
import { JustifiedActionModal } from '@/ui/components/JustifiedActionModal';
import { useFieldErrors } from '@/ui/hooks/useFieldErrors';
import { notifySuccess } from '@/ui/lib/notifySuccess';
import { DEPARTMENT_MAX_LENGTH, type EmployeeField, type EmployeeForm, validateEmployeeForm } from '../lib/validateEmployeeForm';

type InviteEmployeeModalProps = {
  opened: boolean;
  onClose: () => void;
  /** The new employee and its link, to show once. */
  onInvited: (invitation: EmployeeInvitationFieldsFragment) => void;
};

const EMPTY: EmployeeForm = { name: '', email: '', department: '' };

export function InviteEmployeeModal({ opened, onClose, onInvited }: InviteEmployeeModalProps) {
  const [form, setForm] = useState<EmployeeForm>(EMPTY);
  const { errors, show, clear, reset } = useFieldErrors<EmployeeField>();
  const [inviteEmployee] = useMutation(InviteEmployeeDocument);

  const set = (field: EmployeeField, value: string) => {
    setForm((prev) => ({ ...prev, [field]: value }));
    clear(field);
  };
  // Leaving a filled field says at once what is wrong with it; an empty one waits for submit.
  const check = (field: EmployeeField) => {
    if (form[field]) show({ [field]: validateEmployeeForm(form)[field] });
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
      title="Invite employee"
      confirmLabel="Invite and get link"
      size="lg"
      validate={() => show(validateEmployeeForm(form))}
      onConfirm={async (justification) => {
        const department = form.department.trim();
        const input = { name: form.name.trim(), email: form.email.trim(), department: department || null };
        const { data } = await inviteEmployee({ variables: { input, justification } });
        if (!data) throw new Error('The invitation was not created.');
        notifySuccess(
          'Employee invited',
          `${data.inviteEmployee.employee.name} is on the roster. Copy the link now: it is shown once.`,
        );
        setForm(EMPTY);
        reset();
        onInvited(data.inviteEmployee);
      }}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label="Full name"
          description="As compliance should see it"
          required
          value={form.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          onBlur={() => check('name')}
          error={errors.name}
          data-testid="invite-name"
        />
        <TextInput
          label="Work email"
          description="Their sign-in name"
          type="email"
          required
          value={form.email}
          onChange={(e) => set('email', e.currentTarget.value)}
          onBlur={() => check('email')}
          error={errors.email}
          data-testid="invite-email"
        />
        <TextInput
          label="Department"
          description={`Optional, up to ${DEPARTMENT_MAX_LENGTH} characters`}
          placeholder="e.g. Fixed income trading"
          value={form.department}
          onChange={(e) => set('department', e.currentTarget.value)}
          onBlur={() => check('department')}
          error={errors.department}
          data-testid="invite-department"
        />
      </SimpleGrid>
    </JustifiedActionModal>
  );
}
