import { Button } from '@mantine/core';
import { IconPlugConnected } from '@tabler/icons-react';
import { Link } from 'react-router';
import { ConnectionsCard } from './ConnectionsCard';

/** The employee's own connections on "My holdings", with the way to connect another. */
export function MyConnectionsCard() {
  return (
    <ConnectionsCard
      empty="You have not connected an exchange yet. Connect each exchange account you hold with a read-only key: Vigil checks with the venue that the key cannot trade or withdraw before it keeps anything."
      action={
        <Button
          component={Link}
          to="/me/connect"
          variant="light"
          leftSection={<IconPlugConnected size={16} />}
          style={{ alignSelf: 'flex-start' }}
          data-testid="connect-exchange-link"
        >
          Connect an exchange
        </Button>
      }
    />
  );
}
