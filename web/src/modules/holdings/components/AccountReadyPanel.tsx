import { Button, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowRight, IconCircleCheck } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { ACCOUNT_READY_NOTICE, type SignInHandover, signInPathFor } from '../lib/signInAfterOnboarding';

type AccountReadyPanelProps = { organization: string; organizationName: string; email: string };

/** The account exists: say so, say what comes next, and hand over to sign-in with what we know. */
export function AccountReadyPanel({ organization, organizationName, email }: AccountReadyPanelProps) {
  const navigate = useNavigate();
  const handover: SignInHandover = { email, notice: ACCOUNT_READY_NOTICE };
  return (
    <Stack gap="md" data-testid="account-ready">
      <ThemeIcon color="teal" variant="light" size={44} radius="xl">
        <IconCircleCheck size={26} />
      </ThemeIcon>
      <Title order={3}>Your account is ready</Title>
      <Text fz="sm">Sign in; next you will connect your exchange keys.</Text>
      <Text fz="sm" c="dimmed">
        Sign in to <b>{organizationName}</b> (organization <b>{organization}</b>) as <b>{email}</b> with the password you just
        chose. This invitation link no longer works.
      </Text>
      <Button
        rightSection={<IconArrowRight size={16} />}
        onClick={() => void navigate(signInPathFor(organization), { state: handover })}
        data-testid="continue-to-sign-in"
      >
        Continue to sign in
      </Button>
    </Stack>
  );
}
