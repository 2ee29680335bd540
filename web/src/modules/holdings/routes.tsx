import { IconUsersGroup, IconWallet } from '@tabler/icons-react';
import type { ConsoleRoute } from '@/app/routing/ConsoleRoute';
import { lazyPage } from '@/ui/components/LazyPage';

export const holdingsRoutes: readonly ConsoleRoute[] = [
  {
    path: '/employees',
    element: lazyPage(() => import('./pages/EmployeesPage'), 'EmployeesPage'),
    requires: 'employees:read',
    nav: { key: 'employees', label: 'Employees', icon: IconUsersGroup, section: 'administration' },
  },
  {
    path: '/employees/:id',
    element: lazyPage(() => import('./pages/EmployeePage'), 'EmployeePage'),
    requires: 'employees:read',
    nav: null,
  },
  {
    // The console cannot yet tell "bound to an employee" from permissions alone; connections:write is
    // what employees hold to manage their own connections here (Compliance holds it too, and the page
    // tells a person who is not on the roster so).
    path: '/me/holdings',
    element: lazyPage(() => import('./pages/MyHoldingsPage'), 'MyHoldingsPage'),
    requires: 'connections:write',
    nav: { key: 'my-holdings', label: 'My holdings', icon: IconWallet, section: 'you' },
  },
  // Public: opened from the invitation link, before the employee has an account.
  { path: '/onboarding', element: lazyPage(() => import('./pages/OnboardingPage'), 'OnboardingPage'), public: true },
];
