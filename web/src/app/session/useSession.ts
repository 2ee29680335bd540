import { useSyncExternalStore } from 'react';
import { type Session, sessionStore } from './sessionStore';

export function useSession(): Session | null {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get, sessionStore.get);
}
