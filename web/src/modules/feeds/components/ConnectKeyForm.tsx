import { useMutation } from '@apollo/client/react';
import { Alert, Button, Checkbox, PasswordInput, Stack, TextInput } from '@mantine/core';
import { IconPlugConnected } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { ConnectExchangeDocument, type ConnectExchangeMutation } from '@/generated/graphql';
import { ErrorAlert } from '@/ui/components/ErrorAlert';
import { notifySuccess } from '@/ui/lib/notifySuccess';
import { type ConnectFailure, connectFailureOf, mustDiscardKey } from '../lib/connectError';
import { TooBroadAlert } from './TooBroadAlert';
import type { Venue } from './VenueSteps';

export type ConnectedExchange = ConnectExchangeMutation['connectExchange'];

type ConnectKeyFormProps = { venue: Venue; onConnected: (result: ConnectedExchange) => void };

const EMPTY_KEY = { apiKey: '', secret: '', passphrase: '' };

/** The key form: sent once, verified by the venue before anything is stored; a refused key is forgotten. */
export function ConnectKeyForm({ venue, onConnected }: ConnectKeyFormProps) {
  const [key, setKey] = useState(EMPTY_KEY);
  const [label, setLabel] = useState('');
  const [sandbox, setSandbox] = useState(false);
  const [missing, setMissing] = useState<string | null>(null);
  const [failure, setFailure] = useState<ConnectFailure | null>(null);
  const [connect, { loading }] = useMutation(ConnectExchangeDocument, { refetchQueries: ['Connections', 'FeedHealth'] });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const empty = [
      !key.apiKey.trim() && 'API key',
      !key.secret.trim() && 'secret',
      venue.needsPassphrase && !key.passphrase && 'passphrase',
    ].filter(Boolean);
    setMissing(empty.length > 0 ? `Paste the ${empty.join(' and the ')}.` : null);
    if (empty.length > 0) return;
    setFailure(null);
    try {
      const { data } = await connect({
        variables: {
          input: {
            venue: venue.id,
            apiKey: key.apiKey.trim(),
            secret: key.secret.trim(),
            passphrase: venue.needsPassphrase ? key.passphrase : null,
            label: label.trim() || null,
            sandbox: venue.hasSandbox ? sandbox : false,
          },
        },
      });
      // The secret has done its job: it never stays in the page once the server has it.
      setKey(EMPTY_KEY);
      setLabel('');
      if (data) {
        notifySuccess(
          `${venue.displayName} connected`,
          `Key ${data.connectExchange.connection.keyFingerprint} verified read-only and stored sealed.`,
        );
        onConnected(data.connectExchange);
      }
    } catch (err) {
      const next = connectFailureOf(err);
      if (mustDiscardKey(next)) setKey(EMPTY_KEY);
      setFailure(next);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate autoComplete="off" data-testid="connect-form">
      <Stack gap="sm">
        {failure?.kind === 'too_broad' ? (
          <TooBroadAlert venueName={venue.displayName} offending={failure.offending} message={failure.message} />
        ) : failure?.kind === 'scope_unknown' ? (
          <Alert color="orange" title="Could not verify, try again" data-testid="connect-scope-unknown">
            {failure.message}
          </Alert>
        ) : (
          <ErrorAlert message={failure?.message} testId="connect-error" />
        )}
        <ErrorAlert message={missing} testId="connect-missing" />
        <TextInput
          label="API key"
          required
          autoComplete="off"
          spellCheck={false}
          value={key.apiKey}
          onChange={(e) => setKey({ ...key, apiKey: e.currentTarget.value })}
          data-testid="connect-api-key"
        />
        <PasswordInput
          label="Secret"
          required
          autoComplete="new-password"
          value={key.secret}
          onChange={(e) => setKey({ ...key, secret: e.currentTarget.value })}
          data-testid="connect-secret"
        />
        {venue.needsPassphrase && (
          <PasswordInput
            label="Passphrase"
            description={`The passphrase you set when you made the key at ${venue.displayName}.`}
            required
            autoComplete="new-password"
            value={key.passphrase}
            onChange={(e) => setKey({ ...key, passphrase: e.currentTarget.value })}
            data-testid="connect-passphrase"
          />
        )}
        <TextInput
          label="Label"
          description="Optional: helps you and compliance tell accounts apart, e.g. “Main account”."
          maxLength={80}
          value={label}
          onChange={(e) => setLabel(e.currentTarget.value)}
          data-testid="connect-label"
        />
        {venue.hasSandbox && (
          <Checkbox
            label={`This is a ${venue.displayName} testnet key`}
            checked={sandbox}
            onChange={(e) => setSandbox(e.currentTarget.checked)}
            data-testid="connect-sandbox"
          />
        )}
        <Button
          type="submit"
          loading={loading}
          leftSection={<IconPlugConnected size={16} />}
          data-testid="connect-submit"
          style={{ alignSelf: 'flex-start' }}
        >
          Verify and connect
        </Button>
      </Stack>
    </form>
  );
}
