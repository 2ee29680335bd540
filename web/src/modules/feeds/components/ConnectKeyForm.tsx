import { useMutation } from '@apollo/client/react';
import { Button, Checkbox, Stack, TextInput } from '@mantine/core';
import { IconPlugConnected } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { ConnectExchangeDocument, type ConnectExchangeMutation } from '@/generated/graphql';
import { ErrorAlert } from '@/ui/components/ErrorAlert';
import { notifySuccess } from '@/ui/lib/notifySuccess';
import { useExchangeKeyEntry } from '../hooks/useExchangeKeyEntry';
import { ConnectFailureAlert } from './ConnectFailureAlert';
import { ExchangeKeyFields } from './ExchangeKeyFields';
import type { Venue } from './VenueSteps';

export type ConnectedExchange = ConnectExchangeMutation['connectExchange'];

type ConnectKeyFormProps = { venue: Venue; onConnected: (result: ConnectedExchange) => void };

/** The key form: sent once, verified by the venue before anything is stored; a refused key is forgotten. */
export function ConnectKeyForm({ venue, onConnected }: ConnectKeyFormProps) {
  const { key, setPart, missing, failure, readyToSend, refused, forgetKey } = useExchangeKeyEntry(venue.needsPassphrase);
  const [label, setLabel] = useState('');
  const [sandbox, setSandbox] = useState(false);
  const [connect, { loading }] = useMutation(ConnectExchangeDocument, { refetchQueries: ['Connections', 'FeedHealth'] });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!readyToSend()) return;
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
      forgetKey();
      setLabel('');
      if (data) {
        notifySuccess(
          `${venue.displayName} connected`,
          `Key ${data.connectExchange.connection.keyFingerprint} verified read-only and stored sealed.`,
        );
        onConnected(data.connectExchange);
      }
    } catch (err) {
      refused(err);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate autoComplete="off" data-testid="connect-form">
      <Stack gap="sm">
        <ConnectFailureAlert
          failure={failure}
          venueName={venue.displayName}
          testId="connect-error"
          scopeUnknownTestId="connect-scope-unknown"
        />
        <ErrorAlert message={missing} testId="connect-missing" />
        <ExchangeKeyFields
          value={key}
          onChange={setPart}
          needsPassphrase={venue.needsPassphrase}
          apiKeyLabel="API key"
          secretLabel="Secret"
          passphraseDescription={`The passphrase you set when you made the key at ${venue.displayName}.`}
          testIdPrefix="connect"
        />
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
