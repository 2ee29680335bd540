import { describe, expect, it } from 'vitest';
import { setSignOutNotice, takeSignOutNotice } from './signOutNotice';

const fakeStorage = () => {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
};

describe('sign-out notice', () => {
  it('should be read once and then be gone', () => {
    const store = fakeStorage();
    setSignOutNotice('Your role changed.', store);
    expect(takeSignOutNotice(store)).toBe('Your role changed.');
    expect(takeSignOutNotice(store)).toBeNull();
  });

  it('should still be read once when storage is unavailable', () => {
    setSignOutNotice('Your role changed.', undefined);
    expect(takeSignOutNotice(undefined)).toBe('Your role changed.');
    expect(takeSignOutNotice(undefined)).toBeNull();
  });

  it('should survive a reload that lost the memory copy, from storage', () => {
    const store = fakeStorage();
    store.setItem('vigil.signOutNotice', 'From before the reload.');
    expect(takeSignOutNotice(store)).toBe('From before the reload.');
  });
});
