import { useMutation } from '@apollo/client/react';
import { List, Text } from '@mantine/core';
import { type EmployeeFieldsFragment, OffboardEmployeeDocument } from '@/generated/graphql';
import { JustifiedActionModal } from '@/ui/components/JustifiedActionModal';
import { notifySuccess } from '@/ui/lib/notifySuccess';

type OffboardEmployeeModalProps = { employee: EmployeeFieldsFragment | null; onClose: () => void };

export function OffboardEmployeeModal({ employee, onClose }: OffboardEmployeeModalProps) {
  const [offboard] = useMutation(OffboardEmployeeDocument);
  const name = employee?.name ?? 'This employee';
  return (
    <JustifiedActionModal
      opened={employee !== null}
      onClose={onClose}
      title={`Offboard ${name}`}
      confirmLabel="Offboard"
      color="red"
      onConfirm={async (justification) => {
        if (!employee) return;
        await offboard({ variables: { id: employee.id, justification } });
        notifySuccess(
          'Employee offboarded',
          `${employee.name} can no longer sign in and is no longer polled. Their history stays on record.`,
        );
      }}
    >
      <Text fz="sm">Offboarding cannot be undone from the console. It:</Text>
      <List size="sm" spacing={4}>
        <List.Item>
          {employee?.hasAccount
            ? `disables ${name}’s account and ends every session at once;`
            : `makes the invitation link dead (${name} never made an account);`}
        </List.Item>
        <List.Item>stops polling their exchange connections and wallets;</List.Item>
        <List.Item>keeps everything recorded so far (balances, transactions, alerts, audit) as history.</List.Item>
      </List>
      <Text fz="xs" c="dimmed">
        The justification is also kept as the reason on the employee’s record.
      </Text>
    </JustifiedActionModal>
  );
}
