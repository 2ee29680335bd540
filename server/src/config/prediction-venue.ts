import { z } from 'zod';

// The prediction venue's setting (holdings' predictions adapter reads it). config/env.ts spreads
// PREDICTION_VENUE_ENV into its object schema; nothing here reads process.env.

export const POLYMARKET_DEFAULT_API_BASE = 'https://data-api.polymarket.com';

export const PREDICTION_VENUE_ENV = {
  POLYMARKET_API_BASE: z
    .union([z.literal('off'), z.url({ protocol: /^https?$/ })])
    .optional()
    .describe(
      `Polymarket's Data API, asked for each polled wallet's prediction-market positions by address (default ${POLYMARKET_DEFAULT_API_BASE}; ` +
        "'off' reads none). Tests and demo mode read none unless it is set.",
    ),
};

/**
 * The base the adapter calls, or undefined when positions are not read: 'off', or a test run or
 * demo that named no base (neither ever reaches the real venue with the addresses it made up).
 */
export function polymarketBaseFromEnv(env: {
  NODE_ENV: string;
  POLYMARKET_API_BASE?: string | undefined;
  VIGIL_DEMO?: boolean | undefined;
}): string | undefined {
  if (env.POLYMARKET_API_BASE === 'off') return undefined;
  if (env.POLYMARKET_API_BASE) return env.POLYMARKET_API_BASE;
  return env.NODE_ENV === 'test' || env.VIGIL_DEMO ? undefined : POLYMARKET_DEFAULT_API_BASE;
}
