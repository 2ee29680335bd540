import { Button, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconBan, IconMailForward, IconPencil, IconRefreshAlert } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { EmployeeFieldsFragment } from '@/generated/graphql';
import { type EmployeeAction, employeeActions } from '../lib/employeeActions';

type EmployeeActionsCardProps = {
  employee: EmployeeFieldsFragment;
  permissions: readonly string[];
  onAction: (action: EmployeeAction) => void;
};

type ActionSpec = { action: EmployeeAction; label: string; hint: string; icon: ReactNode; color?: string };

const ACTIONS: readonly ActionSpec[] = [
  {
    action: 'resendInvitation',
    label: 'Re-send invitation',
    hint: 'A new 7-day link; the previous one stops working.',
    icon: <IconMailForward size={16} />,
  },
  {
    action: 'edit',
    label: 'Edit name or department',
    hint: 'The email stays: it is their sign-in name.',
    icon: <IconPencil size={16} />,
  },
  {
    action: 'requireReonboarding',
    label: 'Require re-onboarding',
    hint: 'Not active again until a fresh verified key is in.',
    icon: <IconRefreshAlert size={16} />,
    color: 'orange',
  },
  {
    action: 'offboard',
    label: 'Offboard',
    hint: 'Ends access and polling; history is kept.',
    icon: <IconBan size={16} />,
    color: 'red',
  },
];

/** Every action, always listed: one that cannot be used now says why instead of vanishing. */
export function EmployeeActionsCard({ employee, permissions, onAction }: EmployeeActionsCardProps) {
  const availability = employeeActions(employee, permissions);
  return (
    <Paper withBorder p="lg" data-testid="employee-actions">
      <Stack gap="md">
        <Title order={5}>Actions</Title>
        {ACTIONS.map(({ action, label, hint, icon, color }) => {
          const blocked = availability[action].blockedReason;
          return (
            <Stack key={action} gap={4} align="flex-start">
              <Tooltip label={blocked} disabled={!blocked} multiline maw={280} withinPortal>
                <Button
                  variant="light"
                  color={color}
                  leftSection={icon}
                  data-disabled={blocked ? true : undefined}
                  aria-disabled={blocked ? true : undefined}
                  onClick={() => {
                    if (!blocked) onAction(action);
                  }}
                  data-testid={`employee-action-${action}`}
                >
                  {label}
                </Button>
              </Tooltip>
              <Text fz="xs" c="dimmed">
                {blocked ?? hint}
              </Text>
            </Stack>
          );
        })}
      </Stack>
    </Paper>
  );
}
