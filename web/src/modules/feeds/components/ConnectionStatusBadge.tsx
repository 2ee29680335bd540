import { Badge, Tooltip } from '@mantine/core';
import { connectionStatusLook } from '../lib/connectionStatus';

export function ConnectionStatusBadge({ status }: { status: string }) {
  const look = connectionStatusLook(status);
  return (
    <Tooltip label={look.meaning} multiline maw={300} withinPortal>
      <Badge
        size="sm"
        variant={look.color === 'red' ? 'filled' : 'light'}
        color={look.color}
        style={{ flexShrink: 0 }}
        data-testid="connection-status"
        data-status={status}
      >
        {look.label}
      </Badge>
    </Tooltip>
  );
}
