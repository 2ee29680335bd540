import { Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { EmployeeFieldsFragment } from '@/generated/graphql';
import { formatDateTime } from '@/ui/lib/formatDateTime';
import { employeeStatusLook } from '../lib/employeeStatus';
import { EmployeeStatusBadge } from './EmployeeStatusBadge';
import { InvitationExpiryText } from './InvitationExpiryText';

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2} miw={0}>
      <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>{children}</div>
    </Stack>
  );
}

export function EmployeeDetailsCard({ employee }: { employee: EmployeeFieldsFragment }) {
  const look = employeeStatusLook(employee.status);
  return (
    <Paper withBorder p="lg" data-testid="employee-details">
      <Stack gap="md">
        <Title order={5}>Details</Title>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="md">
          <Detail label="Email">
            <Text fz="sm">{employee.email}</Text>
          </Detail>
          <Detail label="Department">
            <Text fz="sm" c={employee.department ? undefined : 'dimmed'}>
              {employee.department || 'None given'}
            </Text>
          </Detail>
          <Detail label="Account">
            <Text fz="sm">{employee.hasAccount ? 'Made from the invitation; signs in with email and password' : 'Not yet'}</Text>
          </Detail>
          <Detail label="On the roster since">
            <Text fz="sm">{formatDateTime(employee.createdAt)}</Text>
          </Detail>
        </SimpleGrid>
        <Paper bg="gray.0" p="sm" radius="sm">
          <Stack gap={4}>
            <Group gap="xs" wrap="wrap">
              <EmployeeStatusBadge status={employee.status} size="md" />
              <Text fz="xs" c="dimmed" data-testid="employee-status-since">
                since {formatDateTime(employee.statusChangedAt)}
              </Text>
            </Group>
            <Text fz="sm">{look.meaning}</Text>
            {employee.statusNote && (
              <Text fz="sm" data-testid="employee-status-note">
                <Text span fz="sm" fw={600}>
                  Note:{' '}
                </Text>
                {employee.statusNote}
              </Text>
            )}
            {employee.status === 'invited' && <InvitationExpiryText expiresAt={employee.invitationExpiresAt} />}
          </Stack>
        </Paper>
      </Stack>
    </Paper>
  );
}
