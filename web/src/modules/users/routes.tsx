import { IconUsers } from '@tabler/icons-react';
import type { ConsoleRoute } from '@/app/routing/ConsoleRoute';
import { lazyPage } from '@/ui/components/LazyPage';

export const usersRoutes: readonly ConsoleRoute[] = [
  {
    path: '/users',
    element: lazyPage(() => import('./pages/UsersPage'), 'UsersPage'),
    requires: 'users:read',
    nav: { key: 'users', label: 'Users', icon: IconUsers, section: 'administration' },
  },
  // Reached from a user's name in the list.
  {
    path: '/users/:id',
    element: lazyPage(() => import('./pages/UserDetailPage'), 'UserDetailPage'),
    requires: 'users:read',
    nav: null,
  },
];
