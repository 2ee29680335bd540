import { useQuery } from '@apollo/client/react';
import { ReferenceCurrencyDocument } from '@/generated/graphql';

/** The currency values are in (the server's REFERENCE_CURRENCY); null until it has loaded. */
export function useReferenceCurrency(): string | null {
  const { data } = useQuery(ReferenceCurrencyDocument);
  return data?.referenceCurrency ?? null;
}
