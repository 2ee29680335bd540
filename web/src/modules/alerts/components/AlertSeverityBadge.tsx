import { Badge } from '@mantine/core';
import type { AlertSeverity } from '@/generated/graphql';
import { SEVERITY_LOOK } from '../lib/alertQueue';

export function AlertSeverityBadge({ severity }: { severity: AlertSeverity }) {
  const look = SEVERITY_LOOK[severity];
  return (
    <Badge size="sm" color={look.color} variant={severity === 'CRITICAL' ? 'filled' : 'light'} data-testid="alert-severity">
      {look.label}
    </Badge>
  );
}
