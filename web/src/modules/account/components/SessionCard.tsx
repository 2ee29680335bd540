import { Badge, Button, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { stepUpCoordinator } from '@/app/stepUp/stepUpCoordinator';
import { useViewer } from '@/modules/auth';
import { formatDateTime } from '@/ui/lib/formatDateTime';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
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
          <Field label="MFA verified at">{viewer.mfaVerifiedAt ? formatDateTime(viewer.mfaVerifiedAt) : '—'}</Field>
          <Field label="Session expires">{formatDateTime(viewer.sessionExpiresAt)}</Field>
          <Field label="Permissions">{viewer.permissions.length}</Field>
        </SimpleGrid>
        {viewer.aal < 2 && viewer.user.mfaEnabled && (
          <div>
            <Button variant="light" size="xs" onClick={() => void stepUpCoordinator.request()}>
              Verify with MFA
            </Button>
          </div>
        )}
      </Stack>
    </Paper>
  );
}
