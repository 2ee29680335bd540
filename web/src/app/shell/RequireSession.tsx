import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { sessionStore } from '@/app/session/sessionStore';
import { useSession } from '@/app/session/useSession';
import { returnStateFor } from '../routing/returnPath';

export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!session) {
    // After an explicit sign-out whoever signs in next starts at their own landing page; after an
    // expiry the same person comes back to what they were doing.
    const from = sessionStore.lastEndReason() === 'signed-out' ? undefined : location.pathname + location.search;
    return <Navigate to="/sign-in" replace state={returnStateFor(from)} />;
  }
  return children;
}
