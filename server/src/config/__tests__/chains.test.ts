import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { chainsEnvSchema, parseChains } from '../chains';

const USDC = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const ethereum = {
  name: 'ethereum',
  chainId: 1,
  rpcUrls: ['https://rpc.example.com/v3/key'],
  confirmations: 12,
  tokens: [{ symbol: 'USDC', address: USDC, decimals: 6 }],
};
const parse = (chains: unknown) => () => parseChains(JSON.stringify(chains));

describe('CHAINS configuration', () => {
  it('should parse a chain and fill in the defaults when only the required fields are given', () => {
    expect(parseChains(JSON.stringify([ethereum]))).toEqual([
      { ...ethereum, nativeSymbol: 'ETH', startBlock: 0, maxBlockRange: 2000, reorgWindow: 64 },
    ]);
    expect(parseChains('[]')).toEqual([]);
  });

  it.each([
    ['two chains with the same chain id', [ethereum, { ...ethereum, name: 'mainnet-2' }], /duplicate chainId/],
    ['two chains with the same name', [ethereum, { ...ethereum, chainId: 10 }], /duplicate name/],
    ['no RPC URL', [{ ...ethereum, rpcUrls: [] }], /at least one RPC URL/],
    ['negative confirmations', [{ ...ethereum, confirmations: -1 }], /confirmations/],
    ['fractional confirmations', [{ ...ethereum, confirmations: 1.5 }], /confirmations/],
    [
      'a token address with a wrong checksum',
      [{ ...ethereum, tokens: [{ symbol: 'USDC', address: USDC.replace('A0b8', 'a0B8'), decimals: 6 }] }],
      /checksummed/,
    ],
    [
      'a token address in lower case',
      [{ ...ethereum, tokens: [{ symbol: 'USDC', address: USDC.toLowerCase(), decimals: 6 }] }],
      /checksummed/,
    ],
    [
      'a token address that is too short',
      [{ ...ethereum, tokens: [{ symbol: 'USDC', address: USDC.slice(0, 40), decimals: 6 }] }],
      /20-byte/,
    ],
    [
      'a token listed twice',
      [{ ...ethereum, tokens: [ethereum.tokens[0], { ...ethereum.tokens[0], symbol: 'USDC2' }] }],
      /listed twice/,
    ],
    ['token decimals out of range', [{ ...ethereum, tokens: [{ ...ethereum.tokens[0], decimals: 80 }] }], /decimals/],
    ['an RPC URL that is not http(s)', [{ ...ethereum, rpcUrls: ['file:///etc/passwd'] }], /rpcUrls/],
    ['a reorg window not deeper than the confirmations', [{ ...ethereum, reorgWindow: 12 }], /greater than confirmations/],
    ['a chain id of zero', [{ ...ethereum, chainId: 0 }], /chainId/],
    ['an unknown field', [{ ...ethereum, rpcUrl: 'https://x' }], /rpcUrl/],
    ['a name with a NUL byte', [{ ...ethereum, name: 'eth\u0000' }], /name/],
  ])('should refuse %s', (_, chains, message) => {
    expect(parse(chains)).toThrow(message);
  });

  it('should refuse a value that is not a JSON array', () => {
    expect(() => parseChains('{"name":')).toThrow(/JSON array/);
    expect(() => parseChains(JSON.stringify(ethereum))).toThrow();
  });

  it('should give no chains when CHAINS is unset, as a field of the env schema', () => {
    const env = z.object({ CHAINS: chainsEnvSchema });
    expect(env.parse({})).toEqual({ CHAINS: [] });
    expect(env.parse({ CHAINS: JSON.stringify([ethereum]) }).CHAINS[0]).toMatchObject({ chainId: 1, confirmations: 12 });
    expect(() => env.parse({ CHAINS: 'not json' })).toThrow(/JSON array/);
  });
});
