import { Text } from '@mantine/core';
import { formatDateTime } from '@/ui/lib/formatDateTime';
import { invitationExpiry } from '../lib/invitationExpiry';

/** "Invitation expires in 6 days", orange when a re-send is due; the exact time on hover. */
export function InvitationExpiryText({ expiresAt }: { expiresAt: string | null }) {
  const expiry = invitationExpiry(expiresAt, Date.now());
  return (
    <Text
      fz="xs"
      c={expiry.urgent ? 'orange.8' : 'dimmed'}
      title={expiresAt ? `Link valid until ${formatDateTime(expiresAt)}` : undefined}
      data-testid="invitation-expiry"
    >
      {expiry.text}
    </Text>
  );
}
