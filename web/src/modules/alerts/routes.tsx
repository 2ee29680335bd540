import { IconBell } from '@tabler/icons-react';
import type { ConsoleRoute } from '@/app/routing/ConsoleRoute';
import { AlertsPage } from './pages/AlertsPage';

export const alertsRoutes: readonly ConsoleRoute[] = [
  {
    path: '/alerts',
    element: <AlertsPage />,
    requires: 'alerts:read',
    nav: { key: 'alerts', label: 'Alerts', icon: IconBell, section: 'administration' },
  },
];
