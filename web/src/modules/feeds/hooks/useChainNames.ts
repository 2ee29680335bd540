import { useQuery } from '@apollo/client/react';
import { useCallback } from 'react';
import { ChainsDocument } from '@/generated/graphql';

/** A chain id as configured ("31337" → "hardhat"); "chain 31337" until the list has loaded or for a chain since dropped. */
export function useChainNames(): (chainId: number) => string {
  const { data } = useQuery(ChainsDocument);
  const chains = data?.chains;
  return useCallback((chainId: number) => chains?.find((c) => c.chainId === chainId)?.name ?? `chain ${chainId}`, [chains]);
}
