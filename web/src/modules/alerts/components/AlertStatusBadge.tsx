import { Badge } from '@mantine/core';
import type { AlertStatus } from '@/generated/graphql';
import { STATUS_LOOK } from '../lib/alertQueue';

export function AlertStatusBadge({ status }: { status: AlertStatus }) {
  const look = STATUS_LOOK[status];
  return (
    <Badge size="sm" color={look.color} variant="outline" data-testid="alert-status">
      {look.label}
    </Badge>
  );
}
