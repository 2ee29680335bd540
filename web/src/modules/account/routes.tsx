import { IconLock } from '@tabler/icons-react';
import type { ConsoleRoute } from '@/app/routing/ConsoleRoute';
import { AccountPage } from './pages/AccountPage';

export const accountRoutes: readonly ConsoleRoute[] = [
  {
    path: '/account',
    element: <AccountPage />,
    requires: null,
    nav: { key: 'account', label: 'Account & security', icon: IconLock, section: 'you' },
  },
];
