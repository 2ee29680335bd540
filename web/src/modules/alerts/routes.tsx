import { IconBell } from '@tabler/icons-react';
import type { ConsoleRoute } from '@/app/routing/ConsoleRoute';
import { lazyPage } from '@/ui/components/LazyPage';

export const alertsRoutes: readonly ConsoleRoute[] = [
  {
    path: '/alerts',
    element: lazyPage(() => import('./pages/AlertsPage'), 'AlertsPage'),
    requires: 'alerts:read',
    nav: { key: 'alerts', label: 'Alerts', icon: IconBell, section: 'administration' },
  },
];
