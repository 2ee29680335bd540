import { Badge, Text, Tooltip } from '@mantine/core';
import type { EmployeeHealth } from '@/generated/graphql';

const LOOK: Record<EmployeeHealth, { label: string; color: string; explain: string } | null> = {
  broken: {
    label: 'Broken',
    color: 'red',
    explain: 'A venue no longer accepts one of their keys: holdings are not being watched.',
  },
  failing: {
    label: 'Failing',
    color: 'orange',
    explain: 'A connection’s recent polls failed; its last good balances are shown as stale.',
  },
  ok: { label: 'Healthy', color: 'teal', explain: 'Every connection polled successfully last time.' },
  none: null,
};

/** The roster's feed badge: the worst state among the employee's connections (red when any is broken). */
export function EmployeeHealthBadge({ health, connections }: { health: EmployeeHealth; connections: number }) {
  const look = LOOK[health];
  if (!look) {
    return (
      <Text fz="xs" c="dimmed">
        No connection
      </Text>
    );
  }
  return (
    <Tooltip label={look.explain} multiline w={260} withArrow>
      <Badge color={look.color} variant={health === 'ok' ? 'light' : 'filled'} data-testid="employee-health">
        {look.label}
        {connections > 1 ? ` · ${connections}` : ''}
      </Badge>
    </Tooltip>
  );
}
