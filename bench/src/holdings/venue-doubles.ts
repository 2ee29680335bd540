import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXCHANGE_VENUES } from '@vigil/server/modules/holdings/exchanges/exchange-venues';
import {
  startExchangeDouble,
  type ExchangeDouble,
  type ExchangeDoubleOptions,
} from '../../../server/test/doubles/exchanges/exchange-double';
import { DOUBLE_VENUES, type DoubleVenue } from '../../../server/test/doubles/exchanges/dialects';

// The venues the bench can poll: those with both an adapter (exchanges/venues) and a double
// dialect (test/doubles/exchanges/dialects). Another engineer lands them one by one; the bench
// uses what exists and names what does not.

const serverSrc = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../server');

export function benchVenues(): { usable: DoubleVenue[]; missing: string[] } {
  const adapters = new Set<string>(EXCHANGE_VENUES);
  const usable: DoubleVenue[] = [];
  const missing: string[] = [];
  for (const venue of ['binance', 'coinbase', 'kraken', 'okx', 'bybit', 'kucoin', 'gemini'] as const) {
    const hasAdapter =
      adapters.has(venue) && existsSync(path.join(serverSrc, `src/modules/holdings/exchanges/venues/${venue}.venue.ts`));
    const hasDouble =
      DOUBLE_VENUES.includes(venue) && existsSync(path.join(serverSrc, `test/doubles/exchanges/dialects/${venue}.dialect.ts`));
    if (hasAdapter && hasDouble) usable.push(venue);
    else
      missing.push(
        `${venue} (${hasAdapter ? '' : 'no adapter'}${!hasAdapter && !hasDouble ? ', ' : ''}${hasDouble ? '' : 'no double'})`,
      );
  }
  return { usable, missing };
}

export async function startDoubles(
  venues: readonly DoubleVenue[],
  options: ExchangeDoubleOptions,
): Promise<Map<DoubleVenue, ExchangeDouble>> {
  const doubles = new Map<DoubleVenue, ExchangeDouble>();
  for (const venue of venues) doubles.set(venue, await startExchangeDouble(venue, { ...options }));
  return doubles;
}

/** EXCHANGE_API_BASE_<VENUE> for each double: how the app's ccxt adapters reach them. */
export const baseUrlEnv = (doubles: ReadonlyMap<DoubleVenue, ExchangeDouble>): Record<string, string> =>
  Object.fromEntries([...doubles].map(([venue, d]) => [`EXCHANGE_API_BASE_${venue.toUpperCase()}`, d.url]));
