import { Badge } from '@mantine/core';
import { formatDateTime } from '@/ui/lib/formatDateTime';
import { keyExpiry } from '../lib/keyExpiry';

/** The countdown to a key's expiry, where the venue reported one; nothing otherwise. */
export function KeyExpiryBadge({ keyExpiresAt, now }: { keyExpiresAt: string | null; now: number }) {
  const expiry = keyExpiry(keyExpiresAt, now);
  if (!expiry || keyExpiresAt === null) return null;
  return (
    <Badge
      size="sm"
      variant="outline"
      color={expiry.color}
      title={formatDateTime(keyExpiresAt)}
      style={{ flexShrink: 0 }}
      data-testid="key-expiry"
    >
      {expiry.text}
    </Badge>
  );
}
