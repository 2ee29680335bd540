import { useQuery } from '@apollo/client/react';
import { useCallback } from 'react';
import { ExchangeVenuesDocument } from '@/generated/graphql';

/** A venue id as people know it ("binance" → "Binance"); the id itself until the list has loaded. */
export function useVenueNames(): (venue: string) => string {
  const { data } = useQuery(ExchangeVenuesDocument);
  const venues = data?.exchangeVenues;
  return useCallback((venue: string) => venues?.find((v) => v.id === venue)?.displayName ?? venue, [venues]);
}
