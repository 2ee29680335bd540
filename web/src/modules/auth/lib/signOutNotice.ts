// Why the console signed someone out on purpose (their own role changed…), for the sign-in page to
// say once. Kept in sessionStorage so it survives the navigation to /sign-in, and in memory when
// storage is off; read once, then gone.
const KEY = 'vigil.signOutNotice';
let inMemory: string | null = null;

type Storage = { getItem(key: string): string | null; setItem(key: string, value: string): void; removeItem(key: string): void };

const storage = (): Storage | undefined => {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
};

export function setSignOutNotice(text: string, store: Storage | undefined = storage()): void {
  inMemory = text;
  try {
    store?.setItem(KEY, text);
  } catch {
    // The in-memory copy still serves this tab.
  }
}

/** The notice, once: a second call answers null. */
export function takeSignOutNotice(store: Storage | undefined = storage()): string | null {
  let text = inMemory;
  try {
    text = store?.getItem(KEY) ?? text;
    store?.removeItem(KEY);
  } catch {
    // see setSignOutNotice
  }
  inMemory = null;
  return text;
}
