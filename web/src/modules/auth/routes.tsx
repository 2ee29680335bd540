import type { ConsoleRoute } from '@/app/routing/ConsoleRoute';
import { SignInPage } from './pages/SignInPage';

export const authRoutes: readonly ConsoleRoute[] = [{ path: '/sign-in', element: <SignInPage />, public: true }];
