import { describe, expect, it } from 'vitest';
import { EMPTY_EXCHANGE_KEY, missingKeyMessage } from './exchangeKey';

const complete = { apiKey: 'k3y', secret: 's3cret', passphrase: 'pass' };

describe('missingKeyMessage', () => {
  it('should name every missing part, in order, when nothing is pasted', () => {
    expect(missingKeyMessage(EMPTY_EXCHANGE_KEY, true)).toBe('Paste the API key and the secret and the passphrase.');
  });

  it('should count a key or secret of spaces as missing', () => {
    expect(missingKeyMessage({ ...complete, apiKey: '  ' }, true)).toBe('Paste the API key.');
    expect(missingKeyMessage({ ...complete, secret: '\t' }, true)).toBe('Paste the secret.');
  });

  it('should not ask for a passphrase when the venue has none', () => {
    expect(missingKeyMessage({ ...complete, passphrase: '' }, false)).toBeNull();
    expect(missingKeyMessage({ ...complete, passphrase: '' }, true)).toBe('Paste the passphrase.');
  });

  it('should take a passphrase of spaces as typed, since it is the person’s own', () => {
    expect(missingKeyMessage({ ...complete, passphrase: ' ' }, true)).toBeNull();
  });
});
