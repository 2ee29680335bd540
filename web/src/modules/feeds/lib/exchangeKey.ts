/** A read-only exchange key as pasted into the console, before it is sent once and forgotten. */
export type ExchangeKey = { apiKey: string; secret: string; passphrase: string };
export type ExchangeKeyPart = keyof ExchangeKey;

export const EMPTY_EXCHANGE_KEY: ExchangeKey = { apiKey: '', secret: '', passphrase: '' };

/**
 * "Paste the API key and the secret.": which parts are still missing, null when none is. The key
 * and secret are trimmed first; a passphrase is the person's own and is taken as typed.
 */
export function missingKeyMessage(key: ExchangeKey, needsPassphrase: boolean): string | null {
  const missing = [
    !key.apiKey.trim() && 'API key',
    !key.secret.trim() && 'secret',
    needsPassphrase && !key.passphrase && 'passphrase',
  ].filter(Boolean);
  return missing.length > 0 ? `Paste the ${missing.join(' and the ')}.` : null;
}
