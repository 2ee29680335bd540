import { AppShell, Badge, Button, Group, Menu, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconLogout, IconShieldCheck, IconShieldLock, IconUserCircle } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { stepUpCoordinator } from '@/app/stepUp/stepUpCoordinator';
import { useSignOut, useViewer } from '@/modules/auth';
import { VigilMark } from '@/ui/components/VigilMark';

export function AppHeader() {
  const viewer = useViewer();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const elevated = viewer.aal >= 2;

  const verify = async () => {
    if (await stepUpCoordinator.request('Verify now to make changes without being interrupted.')) {
      notifications.show({ color: 'teal', title: 'Verified', message: 'Your session is now MFA-verified (AAL2).' });
    }
  };

  return (
    <AppShell.Header px="md">
      <Group h="100%" justify="space-between" wrap="nowrap">
        <Group gap="md" wrap="nowrap">
          <VigilMark size={24} />
          <Text fz="sm" c="dimmed" data-testid="org-name">
            {viewer.organization.name}
          </Text>
        </Group>
        <Group gap="sm" wrap="nowrap">
          {elevated ? (
            <Tooltip label="Signed in with password and authenticator code">
              <Badge color="teal" variant="light" leftSection={<IconShieldCheck size={12} />} data-testid="aal-badge">
                MFA verified
              </Badge>
            </Tooltip>
          ) : viewer.user.mfaEnabled ? (
            <Button
              size="compact-sm"
              variant="light"
              leftSection={<IconShieldLock size={14} />}
              onClick={() => void verify()}
              data-testid="verify-mfa-button"
            >
              Verify with MFA
            </Button>
          ) : (
            <Tooltip label="Set up two-step verification; Admin changes need it">
              <UnstyledButton onClick={() => void navigate('/account')}>
                <Badge color="orange" variant="light" style={{ cursor: 'pointer' }} data-testid="aal-badge">
                  MFA not set up
                </Badge>
              </UnstyledButton>
            </Tooltip>
          )}
          <Menu position="bottom-end" width={220}>
            <Menu.Target>
              <UnstyledButton data-testid="user-menu">
                <Group gap={6} wrap="nowrap">
                  <IconUserCircle size={20} color="var(--mantine-color-gray-6)" />
                  <div>
                    <Text fz="sm" fw={500} lh={1.2}>
                      {viewer.user.name}
                    </Text>
                    <Text fz="xs" c="dimmed" lh={1.2}>
                      {viewer.user.role.name}
                    </Text>
                  </div>
                  <IconChevronDown size={14} />
                </Group>
              </UnstyledButton>
            </Menu.Target>
            <Menu.Dropdown>
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
