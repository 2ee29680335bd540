import { AppShell, NavLink, Stack, Text } from '@mantine/core';
import { NavLink as RouterNavLink } from 'react-router';
import { useViewer } from '@/modules/auth';
import { type NavItem, navigationFor } from '../navigation/navigationFor';

/** `onNavigate` closes the folded navbar on small screens once a page is chosen. */
export function AppNavbar({ onNavigate }: { onNavigate?: () => void }) {
  const viewer = useViewer();
  const items = navigationFor(viewer.permissions);
  const admin = items.filter((item) => item.section === 'administration');
  const personal = items.filter((item) => item.section === 'you');

  const render = ({ key, label, path, icon: Icon }: NavItem) => (
    <RouterNavLink
      key={key}
      to={path}
      onClick={onNavigate}
      style={{ textDecoration: 'none', color: 'inherit' }}
      data-testid={`nav-${key}`}
    >
      {({ isActive }) => <NavLink component="span" label={label} leftSection={<Icon size={16} />} active={isActive} />}
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
        {admin.map((item) => render(item))}
        <Text fz={11} fw={600} c="dimmed" tt="uppercase" px="sm" pt="md" pb={4}>
          You
        </Text>
        {personal.map((item) => render(item))}
      </Stack>
    </AppShell.Navbar>
  );
}
