import { IconUserShield } from '@tabler/icons-react';
import type { ConsoleRoute } from '@/app/routing/ConsoleRoute';
import { RolesPage } from './pages/RolesPage';

export const rolesRoutes: readonly ConsoleRoute[] = [
  {
    path: '/roles',
    element: <RolesPage />,
    requires: 'roles:read',
    nav: { key: 'roles', label: 'Roles', icon: IconUserShield, section: 'administration' },
  },
];
