import { Badge, Tooltip } from '@mantine/core';
import type { EmployeeStatus } from '@/generated/graphql';
import { employeeStatusLook } from '../lib/employeeStatus';

export function EmployeeStatusBadge({ status, size = 'sm' }: { status: EmployeeStatus; size?: 'sm' | 'md' | 'lg' }) {
  const look = employeeStatusLook(status);
  return (
    <Tooltip label={look.meaning} multiline maw={280} withinPortal>
      <Badge size={size} variant="light" color={look.color} style={{ flexShrink: 0 }} data-testid="employee-status">
        {look.label}
      </Badge>
    </Tooltip>
  );
}
