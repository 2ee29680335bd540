/** What a wallet's health fields say, as a badge. */
export type WalletHealthLook = { label: string; color: string; meaning: string };

type WalletHealthFields = { status: string; lastSuccessAt: string | null; failingSince: string | null };

export function walletHealthLook(w: WalletHealthFields): WalletHealthLook {
  if (w.status === 'removed') return { label: 'Removed', color: 'gray', meaning: 'No longer polled; its history is kept.' };
  if (w.failingSince !== null)
    return { label: 'Failing', color: 'orange', meaning: 'The last polls failed; the balances shown are from the last success.' };
  if (w.lastSuccessAt === null) return { label: 'Waiting', color: 'blue', meaning: 'Not read yet: the first poll is coming.' };
  return { label: 'Healthy', color: 'teal', meaning: 'Read on schedule.' };
}

/** Failing wallets first, then by when they began failing, then as given. */
export function byWalletAttention<T extends WalletHealthFields>(a: T, b: T): number {
  const failing = Number(b.failingSince !== null) - Number(a.failingSince !== null);
  if (failing !== 0) return failing;
  return (a.failingSince ?? '').localeCompare(b.failingSince ?? '');
}
