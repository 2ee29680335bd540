import { useMutation } from '@apollo/client/react';
import { Text } from '@mantine/core';
import {
  type EmployeeFieldsFragment,
  type EmployeeInvitationFieldsFragment,
  ReissueInvitationDocument,
} from '@/generated/graphql';
import { JustifiedActionModal } from '@/ui/components/JustifiedActionModal';
import { notifySuccess } from '@/ui/lib/notifySuccess';

type ReissueInvitationModalProps = {
  employee: EmployeeFieldsFragment | null;
  onClose: () => void;
  onReissued: (invitation: EmployeeInvitationFieldsFragment) => void;
};

export function ReissueInvitationModal({ employee, onClose, onReissued }: ReissueInvitationModalProps) {
  const [reissue] = useMutation(ReissueInvitationDocument);
  return (
    <JustifiedActionModal
      opened={employee !== null}
      onClose={onClose}
      title="Re-send invitation"
      confirmLabel="Make a new link"
      onConfirm={async (justification) => {
        if (!employee) return;
        const { data } = await reissue({ variables: { id: employee.id, justification } });
        if (!data) throw new Error('No new link was made.');
        notifySuccess(
          'New invitation link made',
          `The previous link for ${employee.name} no longer works. Copy the new one now.`,
        );
        onReissued(data.reissueInvitation);
      }}
    >
      <Text fz="sm">
        Vigil makes a new single-use link for {employee?.name ?? 'this employee'}, valid for 7 days. The link sent before stops
        working at once, even if it has not expired.
      </Text>
    </JustifiedActionModal>
  );
}
