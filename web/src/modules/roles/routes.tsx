import { IconUserShield } from '@tabler/icons-react';
import type { ConsoleRoute } from '@/app/routing/ConsoleRoute';
import { lazyPage } from '@/ui/components/LazyPage';

export const rolesRoutes: readonly ConsoleRoute[] = [
  {
    path: '/roles',
    element: lazyPage(() => import('./pages/RolesPage'), 'RolesPage'),
    requires: 'roles:read',
    nav: { key: 'roles', label: 'Roles', icon: IconUserShield, section: 'administration' },
  },
];
