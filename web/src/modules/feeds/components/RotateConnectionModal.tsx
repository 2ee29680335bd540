import { useMutation } from '@apollo/client/react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { FormEvent } from 'react';
import { RotateConnectionDocument, type ConnectionFieldsFragment } from '@/generated/graphql';
import { ErrorAlert } from '@/ui/components/ErrorAlert';
import { notifySuccess } from '@/ui/lib/notifySuccess';
import { useExchangeKeyEntry } from '../hooks/useExchangeKeyEntry';
import { ConnectFailureAlert } from './ConnectFailureAlert';
import { ExchangeKeyFields } from './ExchangeKeyFields';

type RotateConnectionModalProps = {
  connection: ConnectionFieldsFragment | null;
  venueName: string;
  needsPassphrase: boolean;
  onClose: () => void;
};

/** A fresh key for the same venue: verified read-only first; only then does it replace the old one. */
export function RotateConnectionModal({ connection, venueName, needsPassphrase, onClose }: RotateConnectionModalProps) {
  const { key, setPart, missing, failure, readyToSend, refused, reset } = useExchangeKeyEntry(needsPassphrase);
  const [rotate, { loading }] = useMutation(RotateConnectionDocument, { refetchQueries: ['Connections', 'FeedHealth'] });
  const close = () => {
    reset();
    onClose();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!connection || !readyToSend()) return;
    try {
      const { data } = await rotate({
        variables: {
          id: connection.id,
          input: { apiKey: key.apiKey.trim(), secret: key.secret.trim(), passphrase: needsPassphrase ? key.passphrase : null },
        },
      });
      if (data) {
        notifySuccess(
          `${venueName} key replaced`,
          `Key ${data.rotateConnection.connection.keyFingerprint} verified read-only; key ${connection.keyFingerprint} is erased.`,
        );
        close();
      }
    } catch (err) {
      refused(err);
    }
  };
  return (
    <Modal opened={connection !== null} onClose={close} title={`Replace your ${venueName} key`} centered size="lg">
      <form onSubmit={(e) => void submit(e)} noValidate autoComplete="off" data-testid="rotate-connection-form">
        <Stack gap="sm">
          <Text fz="sm">
            Make a new read-only key at {venueName} and paste it here. Vigil checks it with {venueName} first; only then does it
            replace key {connection?.keyFingerprint}, which is erased. Delete the old key at {venueName} afterwards.
          </Text>
          <ConnectFailureAlert failure={failure} venueName={venueName} testId="rotate-connection-error" />
          <ErrorAlert message={missing} />
          <ExchangeKeyFields
            value={key}
            onChange={setPart}
            needsPassphrase={needsPassphrase}
            apiKeyLabel="New API key"
            secretLabel="New secret"
            testIdPrefix="rotate"
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={loading} data-testid="rotate-submit">
              Verify and replace
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
