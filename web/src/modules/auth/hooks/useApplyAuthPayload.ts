import { useApolloClient } from '@apollo/client/react';
import { useCallback } from 'react';
import { sessionStore } from '@/app/session/sessionStore';
import { type AuthPayloadFieldsFragment, MeDocument } from '@/generated/graphql';

/** Every mutation that answers an AuthPayload replaces the session token and the cached viewer. */
export function useApplyAuthPayload(): (payload: AuthPayloadFieldsFragment) => void {
  const client = useApolloClient();
  return useCallback(
    (payload) => {
      sessionStore.set({ token: payload.token, expiresAt: payload.expiresAt, aal: payload.aal });
      client.writeQuery({ query: MeDocument, data: { me: payload.viewer } });
    },
    [client],
  );
}
