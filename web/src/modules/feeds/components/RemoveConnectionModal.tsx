import { useMutation } from '@apollo/client/react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { RemoveConnectionDocument, type ConnectionFieldsFragment } from '@/generated/graphql';
import { ErrorAlert } from '@/ui/components/ErrorAlert';
import { errorMessageOf } from '@/ui/lib/errorCodes';
import { notifySuccess } from '@/ui/lib/notifySuccess';

type RemoveConnectionModalProps = { connection: ConnectionFieldsFragment | null; venueName: string; onClose: () => void };

/** Asks before removing a key: polling stops and the key is erased at once; what was read stays. */
export function RemoveConnectionModal({ connection, venueName, onClose }: RemoveConnectionModalProps) {
  const [failure, setFailure] = useState<string | null>(null);
  const [remove, { loading }] = useMutation(RemoveConnectionDocument, { refetchQueries: ['Connections', 'FeedHealth'] });
  const close = () => {
    setFailure(null);
    onClose();
  };
  const confirm = async () => {
    if (!connection) return;
    try {
      await remove({ variables: { id: connection.id } });
      notifySuccess(`${venueName} key removed`, `Key ${connection.keyFingerprint} is erased and no longer polled.`);
      close();
    } catch (err) {
      setFailure(errorMessageOf(err));
    }
  };
  return (
    <Modal opened={connection !== null} onClose={close} title="Remove this exchange key?" centered>
      <Stack gap="sm" data-testid="remove-connection-modal">
        <ErrorAlert message={failure} testId="remove-connection-error" />
        <Text fz="sm">
          Vigil stops polling {venueName} with key {connection?.keyFingerprint} and erases the key now. Balances and trades
          already read stay in your history. Delete the key at {venueName} too.
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={close}>
            Keep it
          </Button>
          <Button color="red" loading={loading} onClick={() => void confirm()} data-testid="remove-connection-confirm">
            Remove key
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
