import { Badge } from '@mantine/core';
import { walletHealthLook } from '../lib/walletHealth';

type WalletHealthBadgeProps = { status: string; lastSuccessAt: string | null; failingSince: string | null };

export function WalletHealthBadge(props: WalletHealthBadgeProps) {
  const look = walletHealthLook(props);
  return (
    <Badge size="sm" variant="light" color={look.color} title={look.meaning} data-testid="wallet-health">
      {look.label}
    </Badge>
  );
}
