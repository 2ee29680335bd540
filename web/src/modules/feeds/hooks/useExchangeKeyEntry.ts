import { useState } from 'react';
import { type ConnectFailure, connectFailureOf, mustDiscardKey } from '../lib/connectError';
import { EMPTY_EXCHANGE_KEY, type ExchangeKey, type ExchangeKeyPart, missingKeyMessage } from '../lib/exchangeKey';

/**
 * A key being pasted for the venue to verify (connecting or replacing one): what is missing before
 * it is sent, why the venue refused it after, and forgetting it whenever it must not stay in the page.
 */
export function useExchangeKeyEntry(needsPassphrase: boolean) {
  const [key, setKey] = useState<ExchangeKey>(EMPTY_EXCHANGE_KEY);
  const [missing, setMissing] = useState<string | null>(null);
  const [failure, setFailure] = useState<ConnectFailure | null>(null);

  const setPart = (part: ExchangeKeyPart, value: string) => setKey((prev) => ({ ...prev, [part]: value }));
  /** Before sending: says what is missing; when nothing is, clears the last refusal and answers true. */
  const readyToSend = (): boolean => {
    const message = missingKeyMessage(key, needsPassphrase);
    setMissing(message);
    if (message) return false;
    setFailure(null);
    return true;
  };
  /** After a refusal: says why, and forgets a key that must never be sent again. */
  const refused = (error: unknown) => {
    const next = connectFailureOf(error);
    if (mustDiscardKey(next)) setKey(EMPTY_EXCHANGE_KEY);
    setFailure(next);
  };
  const forgetKey = () => setKey(EMPTY_EXCHANGE_KEY);
  const reset = () => {
    setKey(EMPTY_EXCHANGE_KEY);
    setMissing(null);
    setFailure(null);
  };

  return { key, setPart, missing, failure, readyToSend, refused, forgetKey, reset };
}
