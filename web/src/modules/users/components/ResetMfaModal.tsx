import { useMutation } from '@apollo/client/react';
import { Text } from '@mantine/core';
import { ResetUserMfaDocument, type UserRowFieldsFragment } from '@/generated/graphql';
import { JustifiedActionModal } from '@/ui/components/JustifiedActionModal';
import { notifySuccess } from '@/ui/lib/notifySuccess';

type ResetMfaModalProps = { user: UserRowFieldsFragment | null; onClose: () => void };

/** For someone who lost their authenticator and their recovery codes: they enrol again after. */
export function ResetMfaModal({ user, onClose }: ResetMfaModalProps) {
  const [resetUserMfa] = useMutation(ResetUserMfaDocument);
  return (
    <JustifiedActionModal
      opened={user !== null}
      onClose={onClose}
      title="Reset two-step verification"
      confirmLabel="Reset MFA and sign them out"
      color="red"
      onConfirm={async (justification) => {
        if (!user) return;
        await resetUserMfa({ variables: { id: user.id, justification } });
        notifySuccess('MFA reset', `${user.name} was signed out everywhere and sets up an authenticator at the next sign-in.`);
      }}
    >
      <Text fz="sm">
        This removes the authenticator and every recovery code of <b>{user?.name}</b> ({user?.email}) and signs them out of every
        session. They sign in with their password alone and set up MFA again. Do this only after confirming who is asking, for
        example by a call to a number you already know.
      </Text>
    </JustifiedActionModal>
  );
}
