import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { sessionStore } from '@/app/session/sessionStore';
import { LogoutDocument } from '@/generated/graphql';
import { setSignOutNotice } from '../lib/signOutNotice';

/**
 * Revokes the session on the server (best effort), then forgets it here whatever the answer.
 * `notice`: why the console signed the person out, said once on the sign-in page.
 */
export function useSignOut(): (notice?: string) => Promise<void> {
  const [logout] = useMutation(LogoutDocument);
  return useCallback(
    async (notice?: string) => {
      if (notice) setSignOutNotice(notice);
      try {
        await logout();
      } catch {
        // The token is dropped locally either way; the server expires it within 24 h at worst.
      }
      sessionStore.clear('signed-out');
    },
    [logout],
  );
}
