import { useMutation } from '@apollo/client/react';
import { Alert, Button, Group, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { RotateConnectionDocument, type ConnectionFieldsFragment } from '@/generated/graphql';
import { ErrorAlert } from '@/ui/components/ErrorAlert';
import { notifySuccess } from '@/ui/lib/notifySuccess';
import { type ConnectFailure, connectFailureOf, mustDiscardKey } from '../lib/connectError';
import { TooBroadAlert } from './TooBroadAlert';

type RotateConnectionModalProps = {
  connection: ConnectionFieldsFragment | null;
  venueName: string;
  needsPassphrase: boolean;
  onClose: () => void;
};

const EMPTY = { apiKey: '', secret: '', passphrase: '' };

/** A fresh key for the same venue: verified read-only first; only then does it replace the old one. */
export function RotateConnectionModal({ connection, venueName, needsPassphrase, onClose }: RotateConnectionModalProps) {
  const [key, setKey] = useState(EMPTY);
  const [missing, setMissing] = useState<string | null>(null);
  const [failure, setFailure] = useState<ConnectFailure | null>(null);
  const [rotate, { loading }] = useMutation(RotateConnectionDocument, { refetchQueries: ['Connections', 'FeedHealth'] });
  const close = () => {
    setKey(EMPTY);
    setMissing(null);
    setFailure(null);
    onClose();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!connection) return;
    const empty = [
      !key.apiKey.trim() && 'API key',
      !key.secret.trim() && 'secret',
      needsPassphrase && !key.passphrase && 'passphrase',
    ];
    const named = empty.filter(Boolean);
    setMissing(named.length > 0 ? `Paste the ${named.join(' and the ')}.` : null);
    if (named.length > 0) return;
    setFailure(null);
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
      const next = connectFailureOf(err);
      if (mustDiscardKey(next)) setKey(EMPTY);
      setFailure(next);
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
          {failure?.kind === 'too_broad' ? (
            <TooBroadAlert venueName={venueName} offending={failure.offending} message={failure.message} />
          ) : failure?.kind === 'scope_unknown' ? (
            <Alert color="orange" title="Could not verify, try again">
              {failure.message}
            </Alert>
          ) : (
            <ErrorAlert message={failure?.message} testId="rotate-connection-error" />
          )}
          <ErrorAlert message={missing} />
          <TextInput
            label="New API key"
            required
            autoComplete="off"
            spellCheck={false}
            value={key.apiKey}
            onChange={(e) => setKey({ ...key, apiKey: e.currentTarget.value })}
            data-testid="rotate-api-key"
          />
          <PasswordInput
            label="New secret"
            required
            autoComplete="new-password"
            value={key.secret}
            onChange={(e) => setKey({ ...key, secret: e.currentTarget.value })}
            data-testid="rotate-secret"
          />
          {needsPassphrase && (
            <PasswordInput
              label="Passphrase"
              required
              autoComplete="new-password"
              value={key.passphrase}
              onChange={(e) => setKey({ ...key, passphrase: e.currentTarget.value })}
              data-testid="rotate-passphrase"
            />
          )}
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
