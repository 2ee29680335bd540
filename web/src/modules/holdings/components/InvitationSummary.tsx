import { SimpleGrid, Stack, Text } from '@mantine/core';
import type { InvitationQuery } from '@/generated/graphql';
import { formatDateTime } from '@/ui/lib/formatDateTime';

type Invitation = InvitationQuery['invitation'];

function Line({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Stack gap={0} miw={0}>
      <Text fz="xs" c="dimmed">
        {label}
      </Text>
      <Text fz="sm" fw={500} style={{ overflowWrap: 'anywhere' }} data-testid={testId}>
        {value}
      </Text>
    </Stack>
  );
}

/** Who the link is for, so the person can tell at once whether it was meant for them. */
export function InvitationSummary({ invitation }: { invitation: Invitation }) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="xs" data-testid="invitation-summary">
      <Line label="Organization" value={invitation.organizationName} testId="invitation-organization" />
      <Line label="Your name" value={invitation.employeeName ?? '—'} testId="invitation-name" />
      <Line label="Your sign-in email" value={invitation.email ?? '—'} testId="invitation-email" />
      <Line label="Link valid until" value={formatDateTime(invitation.expiresAt)} />
    </SimpleGrid>
  );
}
