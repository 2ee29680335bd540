import { Alert } from '@mantine/core';
import { IconLockOpen } from '@tabler/icons-react';

export function InsecureTransportAlert({ reason }: { reason: string }) {
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconLockOpen size={16} />}
      title="Not a secure connection"
      data-testid="insecure-transport"
    >
      {reason}
    </Alert>
  );
}
