import { getAddress } from 'ethers';
import { z } from 'zod';

// The chains wallets are read on: a JSON list in one env value, CHAINS. Parsed once at boot with
// the rest of config/env.ts; a bad value stops the process, so the ingest never meets a chain
// without RPC URLs, a confirmation depth or well-formed token addresses.

const CHECKSUMMED = /^0x[0-9a-fA-F]{40}$/;

/** A token address as configured: must already carry its EIP-55 checksum (a typo fails the checksum). */
const checksummedAddress = z
  .string()
  .regex(CHECKSUMMED, 'must be a 0x-prefixed 20-byte hex address')
  .refine((a) => {
    try {
      return getAddress(a) === a;
    } catch {
      return false;
    }
  }, 'must be EIP-55 checksummed (use ethers.getAddress to get the checksummed form)');

const rpcUrl = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .describe('A JSON-RPC endpoint. Only wallet addresses and block numbers are ever sent to it (H17).');

const tokenSchema = z.strictObject({
  symbol: z.string().regex(/^[A-Za-z0-9.$_-]{1,16}$/, 'a short ticker such as USDC'),
  address: checksummedAddress,
  decimals: z.number().int().min(0).max(36),
});

export const chainSchema = z
  .strictObject({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lower-case letters, digits and hyphens, e.g. "ethereum"'),
    chainId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
    rpcUrls: z.array(rpcUrl).min(1, 'needs at least one RPC URL').max(8),
    confirmations: z.number().int().min(0).max(10_000).describe('Blocks a transfer must be under before it is read.'),
    tokens: z.array(tokenSchema).max(200).default([]),
    nativeSymbol: z
      .string()
      .regex(/^[A-Za-z0-9.$_-]{1,16}$/)
      .default('ETH')
      .describe("The chain's own coin (18 decimals), e.g. ETH, POL, BNB."),
    startBlock: z
      .number()
      .int()
      .min(0)
      .default(0)
      .describe("Where a new wallet's transfer history starts being read (the chain's history before it is not read)."),
    maxBlockRange: z
      .number()
      .int()
      .min(1)
      .max(1_000_000)
      .default(2000)
      .describe('Widest eth_getLogs block range asked; a range the node refuses is halved until it is accepted.'),
    reorgWindow: z
      .number()
      .int()
      .min(2)
      .max(1024)
      .default(64)
      .describe('Recent blocks whose hashes are kept to find the fork point of a reorg.'),
  })
  .superRefine((chain, ctx) => {
    const seen = new Set<string>();
    chain.tokens.forEach((t, i) => {
      const key = t.address.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['tokens', i, 'address'], message: 'token listed twice' });
      seen.add(key);
    });
    if (chain.reorgWindow <= chain.confirmations) {
      // Reorgs deeper than the confirmation depth are the ones the ingest must repair; the kept
      // hashes have to reach further back than that to find where the chains forked.
      ctx.addIssue({ code: 'custom', path: ['reorgWindow'], message: 'must be greater than confirmations' });
    }
  });

export type ChainConfig = z.output<typeof chainSchema>;
export type TokenConfig = ChainConfig['tokens'][number];

const chainListSchema = z
  .array(chainSchema)
  .max(50)
  .superRefine((chains, ctx) => {
    for (const key of ['chainId', 'name'] as const) {
      const seen = new Set<string | number>();
      chains.forEach((c, i) => {
        if (seen.has(c[key])) ctx.addIssue({ code: 'custom', path: [i, key], message: `duplicate ${key} ${c[key]}` });
        seen.add(c[key]);
      });
    }
  });

/**
 * The `CHAINS` env value: a JSON array of chains, `[]` (no wallets can be read) when unset. For
 * config/env.ts: `CHAINS: chainsEnvSchema`.
 */
export const chainsEnvSchema = z
  .string()
  .max(100_000)
  .default('[]')
  .transform((text, ctx): unknown => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'CHAINS must be a JSON array' });
      return z.NEVER;
    }
  })
  .pipe(chainListSchema)
  .describe(
    'Chains wallets are read on, as JSON: [{"name":"ethereum","chainId":1,"rpcUrls":["https://..."],"confirmations":12,' +
      '"tokens":[{"symbol":"USDC","address":"0xA0b8...","decimals":6}]}]. Optional per chain: nativeSymbol (default ETH), ' +
      'startBlock (default 0), maxBlockRange (default 2000), reorgWindow (default 64).',
  );

export const parseChains = (text: string): ChainConfig[] => chainsEnvSchema.parse(text);
