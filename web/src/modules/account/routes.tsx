import { IconLock } from '@tabler/icons-react';
import type { ConsoleRoute } from '@/app/routing/ConsoleRoute';
import { AccountPage } from './pages/AccountPage';
import { ChoosePasswordPage } from './pages/ChoosePasswordPage';

export const accountRoutes: readonly ConsoleRoute[] = [
  {
    path: '/account',
    element: <AccountPage />,
    requires: null,
    nav: { key: 'account', label: 'Account & security', icon: IconLock, section: 'you' },
  },
  // Reached after signing in with a password someone else set (SignInPage, AccountPage).
  { path: '/choose-password', element: <ChoosePasswordPage />, requires: null, nav: null },
];
