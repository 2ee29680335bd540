import { createBrowserRouter, type RouteObject } from 'react-router';
import { consoleRoutes } from './modules';
import type { ConsoleRoute, PublicRoute, SignedInRoute } from './routing/ConsoleRoute';
import { lazyPage } from '@/ui/components/LazyPage';
import { LandingRedirect } from './shell/LandingRedirect';
import { NotFoundPage } from './shell/NotFoundPage';
import { RequirePermission } from './shell/RequirePermission';
import { RequireSession } from './shell/RequireSession';

const isPublic = (route: ConsoleRoute): route is PublicRoute => route.public === true;
const isSignedIn = (route: ConsoleRoute): route is SignedInRoute => route.public !== true;

/** A page that needs a permission shows "Access denied" to a role without it. */
function signedInRoute({ path, element, requires }: SignedInRoute): RouteObject {
  return {
    path,
    element: requires === null ? element : <RequirePermission permission={requires}>{element}</RequirePermission>,
  };
}

export const router = createBrowserRouter([
  ...consoleRoutes.filter(isPublic).map(({ path, element }) => ({ path, element })),
  {
    path: '/',
    element: (
      // The signed-in shell (navbar, header, step-up) is loaded once signed in: the sign-in and
      // onboarding pages do not carry it.
      <RequireSession>{lazyPage(() => import('./shell/AppLayout'), 'AppLayout')}</RequireSession>
    ),
    children: [
      { index: true, element: <LandingRedirect /> },
      ...consoleRoutes.filter(isSignedIn).map(signedInRoute),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
