// The access token lives in memory and sessionStorage (per tab, gone when the tab closes); never in a
// cookie, so the API has no ambient credential to forge a request with.
export type Session = {
  token: string;
  expiresAt: string;
  aal: number;
};

type Listener = () => void;

/** Why the last session ended: a person who signed out is not sent back to where they were. */
export type SessionEndReason = 'signed-out' | 'ended';

const STORAGE_KEY = 'vigil.session';

function readStored(): Session | null {
  try {
    const raw = globalThis.sessionStorage?.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Session>;
    if (typeof parsed.token !== 'string' || typeof parsed.expiresAt !== 'string') return null;
    if (Date.parse(parsed.expiresAt) <= Date.now()) return null;
    return { token: parsed.token, expiresAt: parsed.expiresAt, aal: Number(parsed.aal ?? 1) };
  } catch {
    return null;
  }
}

let current: Session | null = readStored();
let lastEndReason: SessionEndReason | null = null;
const listeners = new Set<Listener>();

function emit(): void {
  for (const listener of listeners) listener();
}

export const sessionStore = {
  get(): Session | null {
    return current;
  },
  token(): string | null {
    if (current && Date.parse(current.expiresAt) <= Date.now()) {
      sessionStore.clear();
    }
    return current?.token ?? null;
  },
  lastEndReason(): SessionEndReason | null {
    return lastEndReason;
  },
  set(session: Session): void {
    current = session;
    lastEndReason = null;
    try {
      globalThis.sessionStorage?.setItem(STORAGE_KEY, JSON.stringify(session));
    } catch {
      // Storage can be unavailable (private mode); the in-memory session still works for this tab.
    }
    emit();
  },
  clear(reason: SessionEndReason = 'ended'): void {
    if (current === null) return;
    current = null;
    lastEndReason = reason;
    try {
      globalThis.sessionStorage?.removeItem(STORAGE_KEY);
    } catch {
      // see set()
    }
    emit();
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
