import { AppShell, Badge, Box, Burger, Button, Group, Menu, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconLogout, IconShieldCheck, IconShieldLock, IconUserCircle } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { sessionStore } from '@/app/session/sessionStore';
import { stepUpCoordinator } from '@/app/stepUp/stepUpCoordinator';
import { STEP_UP_LIFETIME_HOURS, useSignOut, useViewer } from '@/modules/auth';
import { VigilMark } from '@/ui/components/VigilMark';
import { formatDateTime } from '@/ui/lib/formatDateTime';
import { notifySuccess } from '@/ui/lib/notifySuccess';

type AppHeaderProps = { navOpened: boolean; onToggleNav: () => void };

export function AppHeader({ navOpened, onToggleNav }: AppHeaderProps) {
  const viewer = useViewer();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const elevated = viewer.aal >= 2;

  const verify = async () => {
    if (await stepUpCoordinator.request('Verify now to make changes without being interrupted.')) {
      const until = sessionStore.get()?.expiresAt;
      notifySuccess(
        'Verified',
        until
          ? `This session is MFA-verified (AAL2) until ${formatDateTime(until)}.`
          : `This session is MFA-verified (AAL2) for ${STEP_UP_LIFETIME_HOURS} hours.`,
      );
    }
  };

  return (
    <AppShell.Header px="md">
      <Group h="100%" justify="space-between" wrap="nowrap">
        {/* The brand side gives way first (the organization name truncates, then hides under 576 px):
            the session's badge and the user menu on the right never shrink, so they are never cut. */}
        <Group gap="md" wrap="nowrap" miw={0}>
          <Burger
            opened={navOpened}
            onClick={onToggleNav}
            hiddenFrom="sm"
            size="sm"
            aria-label={navOpened ? 'Close navigation' : 'Open navigation'}
            data-testid="nav-burger"
          />
          <VigilMark size={24} />
          <Text fz="sm" c="dimmed" visibleFrom="xs" truncate="end" data-testid="org-name">
            {viewer.organization.name}
          </Text>
        </Group>
        <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }} data-testid="header-controls">
          {elevated ? (
            <Tooltip
              label={`Signed in with password and authenticator code; verified until ${formatDateTime(viewer.sessionExpiresAt)}.`}
            >
              <Badge
                color="teal"
                variant="light"
                leftSection={<IconShieldCheck size={12} />}
                style={{ flexShrink: 0 }}
                data-testid="aal-badge"
              >
                MFA verified
              </Badge>
            </Tooltip>
          ) : viewer.user.mfaEnabled ? (
            <Button
              size="compact-sm"
              variant="light"
              leftSection={<IconShieldLock size={14} />}
              onClick={() => void verify()}
              style={{ flexShrink: 0 }}
              data-testid="verify-mfa-button"
            >
              Verify with MFA
            </Button>
          ) : (
            <Tooltip label="Set up two-step verification (MFA): admin changes need it">
              <UnstyledButton onClick={() => void navigate('/account')} style={{ flexShrink: 0 }}>
                <Badge color="orange" variant="light" style={{ cursor: 'pointer' }} data-testid="aal-badge">
                  MFA not set up
                </Badge>
              </UnstyledButton>
            </Tooltip>
          )}
          <Menu position="bottom-end" width={220}>
            <Menu.Target>
              <UnstyledButton aria-label={`${viewer.user.name} (${viewer.user.role.name}): account menu`} data-testid="user-menu">
                <Group gap={6} wrap="nowrap">
                  <IconUserCircle size={20} color="var(--mantine-color-gray-6)" />
                  {/* Under 768 px the name and role move into the menu: the badge keeps its room. */}
                  <Box visibleFrom="sm" maw={220} data-testid="user-menu-name">
                    <Text fz="sm" fw={500} lh={1.2} truncate="end">
                      {viewer.user.name}
                    </Text>
                    <Text fz="xs" c="dimmed" lh={1.2} truncate="end">
                      {viewer.user.role.name}
                    </Text>
                  </Box>
                  <IconChevronDown size={14} />
                </Group>
              </UnstyledButton>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label hiddenFrom="sm">
                {viewer.user.name} · {viewer.user.role.name}
              </Menu.Label>
              <Menu.Label>{viewer.user.email}</Menu.Label>
              <Menu.Item leftSection={<IconShieldLock size={14} />} onClick={() => void navigate('/account')}>
                Account &amp; security
              </Menu.Item>
              <Menu.Divider />
              <Menu.Item color="red" leftSection={<IconLogout size={14} />} onClick={() => void signOut()} data-testid="sign-out">
                Sign out
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>
    </AppShell.Header>
  );
}
