import { IconHeartRateMonitor } from '@tabler/icons-react';
import type { ConsoleRoute } from '@/app/routing/ConsoleRoute';
import { lazyPage } from '@/ui/components/LazyPage';

export const feedsRoutes: readonly ConsoleRoute[] = [
  {
    path: '/feed-health',
    element: lazyPage(() => import('./pages/FeedHealthPage'), 'FeedHealthPage'),
    // A compliance page over everyone's feeds; an employee sees its own on "My holdings".
    requires: 'employees:read',
    nav: { key: 'feed-health', label: 'Feed health', icon: IconHeartRateMonitor, section: 'administration' },
  },
  // Reached from "My holdings": only an employee connects its own keys (the server checks that too).
  {
    path: '/me/connect',
    element: lazyPage(() => import('./pages/ConnectExchangePage'), 'ConnectExchangePage'),
    requires: 'connections:write',
    nav: null,
  },
];
