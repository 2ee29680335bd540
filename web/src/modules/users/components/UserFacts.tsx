import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { UserDetailQuery } from '@/generated/graphql';
import { formatDateTime } from '@/ui/lib/formatDateTime';
import { sessionSummary } from '../lib/sessionSummary';

type User = UserDetailQuery['user'];

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}

/** Who the user is, how they sign in, and what the server can say about their sessions. */
export function UserFacts({ user }: { user: User }) {
  const sessions = sessionSummary(user, Date.now());
  return (
    <Paper withBorder p="lg" data-testid="user-facts">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <Fact label="Email">
            <Text fz="sm">{user.email}</Text>
          </Fact>
          <Fact label="Role">
            <Group gap={6}>
              <Text fz="sm" data-testid="user-role">
                {user.role.name}
              </Text>
              {!user.role.builtIn && (
                <Badge size="xs" variant="outline" color="gray">
                  Custom
                </Badge>
              )}
            </Group>
          </Fact>
          <Fact label="Status">
            <Badge size="sm" variant="light" color={user.disabled ? 'red' : 'gray'} data-testid="user-status">
              {user.disabled ? 'Disabled' : 'Active'}
            </Badge>
          </Fact>
          <Fact label="Two-step verification">
            <Badge size="sm" variant="light" color={user.mfaEnabled ? 'teal' : 'orange'} data-testid="user-mfa">
              {user.mfaEnabled ? 'Enrolled' : 'Not enrolled'}
            </Badge>
          </Fact>
          <Fact label="Password">
            <Text fz="sm">
              {user.passwordChangeRequired ? 'Set by an administrator: to be changed at next sign-in' : 'Chosen by the user'}
            </Text>
          </Fact>
          <Fact label="Created">
            <Text fz="sm">{formatDateTime(user.createdAt)}</Text>
          </Fact>
        </SimpleGrid>
        <Stack gap={4}>
          <Title order={6}>Sessions</Title>
          <Text fz="sm" data-testid="user-sessions">
            {sessions.text}
          </Text>
          <Text fz="xs" c="dimmed">
            Last sign-in: {user.lastSignInAt ? formatDateTime(user.lastSignInAt) : 'never'}. All sessions last ended:{' '}
            {user.sessionsEndedAt ? formatDateTime(user.sessionsEndedAt) : 'never'} (password change, role change, disabling or
            MFA reset). Vigil keeps no list of sessions: a session lasts 24 hours unless one of these ends it.
          </Text>
        </Stack>
      </Stack>
    </Paper>
  );
}
