import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { stepUpCoordinator } from '@/app/stepUp/stepUpCoordinator';
import { STEP_UP_LIFETIME_HOURS, useViewer } from '@/modules/auth';
import { formatDateTime } from '@/ui/lib/formatDateTime';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

export function SessionCard() {
  const viewer = useViewer();
  return (
    <Paper withBorder p="lg">
      <Stack gap="md">
        <Title order={5}>You and this session</Title>
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
          <Field label="Name">{viewer.user.name}</Field>
          <Field label="Email">{viewer.user.email}</Field>
          <Field label="Organization">{viewer.organization.name}</Field>
          <Field label="Role">{viewer.user.role.name}</Field>
          <Field label="Assurance level">
            {viewer.aal >= 2 ? (
              <Badge color="teal" variant="light" data-testid="session-aal">
                AAL2 · MFA verified
              </Badge>
            ) : (
              <Badge color="gray" variant="light" data-testid="session-aal">
                AAL1 · password only
              </Badge>
            )}
          </Field>
          <Field label="MFA verified">
            {viewer.aal >= 2 && viewer.mfaVerifiedAt ? (
              <>
                {formatDateTime(viewer.mfaVerifiedAt)}
                <Text fz="xs" c="dimmed">
                  lasts until this session expires
                </Text>
              </>
            ) : viewer.user.mfaEnabled ? (
              'Not in this session'
            ) : (
              'MFA is not set up'
            )}
          </Field>
          <Field label="Session expires">{formatDateTime(viewer.sessionExpiresAt)}</Field>
          <Field label="Permissions">{viewer.permissions.length}</Field>
        </SimpleGrid>
        {viewer.aal < 2 && viewer.user.mfaEnabled && (
          <Group gap="sm">
            <Button variant="light" size="xs" onClick={() => void stepUpCoordinator.request()}>
              Verify with MFA
            </Button>
            <Text fz="xs" c="dimmed">
              Admin changes need it. A verification lasts {STEP_UP_LIFETIME_HOURS} hours, or until you sign out.
            </Text>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
