import { IconHeartRateMonitor } from '@tabler/icons-react';
import type { ConsoleRoute } from '@/app/routing/ConsoleRoute';
import { ConnectExchangePage } from './pages/ConnectExchangePage';
import { FeedHealthPage } from './pages/FeedHealthPage';

export const feedsRoutes: readonly ConsoleRoute[] = [
  {
    path: '/feed-health',
    element: <FeedHealthPage />,
    // A compliance page over everyone's feeds; an employee sees its own on "My holdings".
    requires: 'employees:read',
    nav: { key: 'feed-health', label: 'Feed health', icon: IconHeartRateMonitor, section: 'administration' },
  },
  // Reached from "My holdings": only an employee connects its own keys (the server checks that too).
  { path: '/me/connect', element: <ConnectExchangePage />, requires: 'connections:write', nav: null },
];
