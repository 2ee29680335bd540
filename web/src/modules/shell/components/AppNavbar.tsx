import { AppShell, NavLink, Stack, Text } from '@mantine/core';
import { IconFileCertificate, IconLock, IconUserShield, IconUsers } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { NavLink as RouterNavLink } from 'react-router';
import { useViewer } from '@/modules/auth/hooks/useViewer';
import { type NavKey, navigationFor } from '../lib/navigationFor';

const ICONS: Record<NavKey, ReactNode> = {
  users: <IconUsers size={16} />,
  roles: <IconUserShield size={16} />,
  audit: <IconFileCertificate size={16} />,
  account: <IconLock size={16} />,
};

export function AppNavbar() {
  const viewer = useViewer();
  const items = navigationFor(viewer.permissions);
  const admin = items.filter((item) => item.requires !== null);
  const personal = items.filter((item) => item.requires === null);

  const render = (key: NavKey, label: string, path: string) => (
    <RouterNavLink key={key} to={path} style={{ textDecoration: 'none', color: 'inherit' }} data-testid={`nav-${key}`}>
      {({ isActive }) => <NavLink component="span" label={label} leftSection={ICONS[key]} active={isActive} />}
    </RouterNavLink>
  );

  return (
    <AppShell.Navbar p="xs" data-testid="app-nav">
      <Stack gap={2}>
        {admin.length > 0 && (
          <Text fz={11} fw={600} c="dimmed" tt="uppercase" px="sm" pt="xs" pb={4}>
            Administration
          </Text>
        )}
        {admin.map((item) => render(item.key, item.label, item.path))}
        <Text fz={11} fw={600} c="dimmed" tt="uppercase" px="sm" pt="md" pb={4}>
          You
        </Text>
        {personal.map((item) => render(item.key, item.label, item.path))}
      </Stack>
    </AppShell.Navbar>
  );
}
