import { IconUsers } from '@tabler/icons-react';
import type { ConsoleRoute } from '@/app/routing/ConsoleRoute';
import { UserDetailPage } from './pages/UserDetailPage';
import { UsersPage } from './pages/UsersPage';

export const usersRoutes: readonly ConsoleRoute[] = [
  {
    path: '/users',
    element: <UsersPage />,
    requires: 'users:read',
    nav: { key: 'users', label: 'Users', icon: IconUsers, section: 'administration' },
  },
  // Reached from a user's name in the list.
  { path: '/users/:id', element: <UserDetailPage />, requires: 'users:read', nav: null },
];
