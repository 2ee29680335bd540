import { PasswordInput, TextInput } from '@mantine/core';
import type { ExchangeKey, ExchangeKeyPart } from '../lib/exchangeKey';

type ExchangeKeyFieldsProps = {
  value: ExchangeKey;
  onChange: (part: ExchangeKeyPart, value: string) => void;
  needsPassphrase: boolean;
  apiKeyLabel: string;
  secretLabel: string;
  passphraseDescription?: string;
  /** `connect` gives `connect-api-key`, `connect-secret`, `connect-passphrase`. */
  testIdPrefix: string;
};

/** The parts of a venue key to paste: the secret ones masked, and none filled in from the browser's saved passwords. */
export function ExchangeKeyFields(props: ExchangeKeyFieldsProps) {
  const { value, onChange, needsPassphrase, apiKeyLabel, secretLabel, passphraseDescription, testIdPrefix } = props;
  return (
    <>
      <TextInput
        label={apiKeyLabel}
        required
        autoComplete="off"
        spellCheck={false}
        value={value.apiKey}
        onChange={(e) => onChange('apiKey', e.currentTarget.value)}
        data-testid={`${testIdPrefix}-api-key`}
      />
      <PasswordInput
        label={secretLabel}
        required
        autoComplete="new-password"
        value={value.secret}
        onChange={(e) => onChange('secret', e.currentTarget.value)}
        data-testid={`${testIdPrefix}-secret`}
      />
      {needsPassphrase && (
        <PasswordInput
          label="Passphrase"
          description={passphraseDescription}
          required
          autoComplete="new-password"
          value={value.passphrase}
          onChange={(e) => onChange('passphrase', e.currentTarget.value)}
          data-testid={`${testIdPrefix}-passphrase`}
        />
      )}
    </>
  );
}
