import { useMutation } from '@apollo/client/react';
import { Stack, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { type EmployeeFieldsFragment, UpdateEmployeeDocument } from '@/generated/graphql';
import { JustifiedActionModal } from '@/ui/components/JustifiedActionModal';
import { useFieldErrors } from '@/ui/hooks/useFieldErrors';
import { notifySuccess } from '@/ui/lib/notifySuccess';
import { validateDepartment, validateEmployeeName } from '../lib/validateEmployeeForm';

type EditEmployeeModalProps = { employee: EmployeeFieldsFragment | null; onClose: () => void };
type EditField = 'name' | 'department';

export function EditEmployeeModal({ employee, onClose }: EditEmployeeModalProps) {
  const [name, setName] = useState('');
  const [department, setDepartment] = useState('');
  const { errors, show, clear, reset } = useFieldErrors<EditField>();
  const [updateEmployee] = useMutation(UpdateEmployeeDocument);

  // Filled when the dialog opens for an employee; a cache refresh of the same one must not wipe what is typed.
  const openedFor = employee?.id ?? null;
  useEffect(() => {
    setName(employee?.name ?? '');
    setDepartment(employee?.department ?? '');
    reset();
  }, [openedFor, reset]);

  const nameChanged = employee !== null && name.trim() !== employee.name;
  const departmentChanged = employee !== null && department.trim() !== employee.department;

  return (
    <JustifiedActionModal
      opened={employee !== null}
      onClose={onClose}
      title="Edit employee"
      confirmLabel="Save changes"
      blockedReason={nameChanged || departmentChanged ? null : 'Change the name or the department first.'}
      validate={() => show({ name: validateEmployeeName(name), department: validateDepartment(department) })}
      onConfirm={async (justification) => {
        if (!employee) return;
        const input = {
          ...(nameChanged ? { name: name.trim() } : {}),
          ...(departmentChanged ? { department: department.trim() } : {}),
        };
        const { data } = await updateEmployee({ variables: { id: employee.id, input, justification } });
        const updated = data?.updateEmployee;
        notifySuccess(
          'Employee updated',
          updated
            ? `${updated.name}${updated.department ? `, ${updated.department}` : ', no department'}.`
            : `${employee.name} was updated.`,
        );
      }}
    >
      <Stack gap="sm">
        <TextInput
          label="Full name"
          description={employee ? `The email stays ${employee.email}: it is their sign-in name.` : undefined}
          required
          value={name}
          onChange={(e) => {
            setName(e.currentTarget.value);
            clear('name');
          }}
          error={errors.name}
          data-testid="edit-employee-name"
        />
        <TextInput
          label="Department"
          value={department}
          onChange={(e) => {
            setDepartment(e.currentTarget.value);
            clear('department');
          }}
          error={errors.department}
          data-testid="edit-employee-department"
        />
      </Stack>
    </JustifiedActionModal>
  );
}
