import { IconLock } from '@tabler/icons-react';
import type { ConsoleRoute } from '@/app/routing/ConsoleRoute';
import { lazyPage } from '@/ui/components/LazyPage';

export const accountRoutes: readonly ConsoleRoute[] = [
  {
    path: '/account',
    element: lazyPage(() => import('./pages/AccountPage'), 'AccountPage'),
    requires: null,
    nav: { key: 'account', label: 'Account & security', icon: IconLock, section: 'you' },
  },
  // Reached after signing in with a password someone else set (SignInPage, AccountPage).
  {
    path: '/choose-password',
    element: lazyPage(() => import('./pages/ChoosePasswordPage'), 'ChoosePasswordPage'),
    requires: null,
    nav: null,
  },
];
