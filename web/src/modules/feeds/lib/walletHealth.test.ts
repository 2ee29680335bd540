import { describe, expect, it } from 'vitest';
import { byWalletAttention, walletHealthLook } from './walletHealth';

const wallet = (over: Partial<{ status: string; lastSuccessAt: string | null; failingSince: string | null }> = {}) => ({
  status: 'active',
  lastSuccessAt: '2026-01-01T00:00:00.000Z',
  failingSince: null,
  ...over,
});

describe('walletHealthLook', () => {
  it('should call a wallet read on schedule healthy', () => {
    expect(walletHealthLook(wallet()).label).toBe('Healthy');
  });

  it('should call a wallet failing once a poll failed, even with an earlier success', () => {
    expect(walletHealthLook(wallet({ failingSince: '2026-01-02T00:00:00.000Z' })).label).toBe('Failing');
  });

  it('should say a wallet never read yet is waiting, and a removed one removed', () => {
    expect(walletHealthLook(wallet({ lastSuccessAt: null })).label).toBe('Waiting');
    expect(walletHealthLook(wallet({ status: 'removed', failingSince: '2026-01-02T00:00:00.000Z' })).label).toBe('Removed');
  });
});

describe('byWalletAttention', () => {
  it('should put failing wallets first, the longest failing first', () => {
    const a = wallet();
    const b = wallet({ failingSince: '2026-01-03T00:00:00.000Z' });
    const c = wallet({ failingSince: '2026-01-02T00:00:00.000Z' });
    expect([a, b, c].sort(byWalletAttention)).toEqual([c, b, a]);
  });
});
