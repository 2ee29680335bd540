import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { sessionStore } from '@/app/session/sessionStore';
import { LogoutDocument } from '@/generated/graphql';

/** Revokes the session on the server (best effort), then forgets it here whatever the answer. */
export function useSignOut(): () => Promise<void> {
  const [logout] = useMutation(LogoutDocument);
  return useCallback(async () => {
    try {
      await logout();
    } catch {
      // The token is dropped locally either way; the server expires it within 24 h at worst.
    }
    sessionStore.clear('signed-out');
  }, [logout]);
}
