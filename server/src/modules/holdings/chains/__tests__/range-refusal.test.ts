import { describe, expect, it } from 'vitest';
import { errorReason, isRangeRefusal } from '../adapters/range-refusal';

// What an ethers v6 error looks like when a node answers a JSON-RPC error: the node's own error
// nested under `error` (and `info.error`), the outer message ethers' own.
const ethersError = (code: number, message: string) =>
  Object.assign(new Error(`could not coalesce error (error={ "code": ${code}, "message": "${message}" }, payload={...})`), {
    code: 'UNKNOWN_ERROR',
    error: { code, message },
    info: { error: { code, message } },
  });

describe('range refusals', () => {
  it.each([
    'query returned more than 10000 results',
    'Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range',
    'eth_getLogs is limited to a 10,000 range',
    'exceed maximum block range: 5000',
    'block range is too wide',
    'block range too large',
    'query timeout exceeded',
  ])('should recognise "%s" as a refusal for the width of the range', (message) => {
    expect(isRangeRefusal(ethersError(-32005, message))).toBe(true);
    expect(errorReason(ethersError(-32005, message))).toBe(message);
  });

  it.each(['execution reverted', 'header not found', 'invalid argument 0: hex string without 0x prefix', 'connection refused'])(
    'should not take "%s" for a refusal, so it is not halved away',
    (message) => {
      expect(isRangeRefusal(ethersError(-32000, message))).toBe(false);
    },
  );

  it('should keep URLs, which may hold an API key, out of the reason', () => {
    const err = new Error('request to https://mainnet.infura.io/v3/SECRETKEY failed');
    expect(errorReason(err)).toBe('request to <url> failed');
  });
});
