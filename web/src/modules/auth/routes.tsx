import type { ConsoleRoute } from '@/app/routing/ConsoleRoute';
import { lazyPage } from '@/ui/components/LazyPage';

export const authRoutes: readonly ConsoleRoute[] = [
  { path: '/sign-in', element: lazyPage(() => import('./pages/SignInPage'), 'SignInPage'), public: true },
];
