import { accountRoutes } from '@/modules/account/routes';
import { alertsRoutes } from '@/modules/alerts/routes';
import { auditRoutes } from '@/modules/audit/routes';
import { authRoutes } from '@/modules/auth/routes';
import { feedsRoutes } from '@/modules/feeds/routes';
import { holdingsRoutes } from '@/modules/holdings/routes';
import { rolesRoutes } from '@/modules/roles/routes';
import { usersRoutes } from '@/modules/users/routes';
import type { ConsoleRoute } from './routing/ConsoleRoute';

export type ConsoleModule = { name: string; routes: readonly ConsoleRoute[] };

/**
 * The one list of console modules. The router, the permission each page requires, the navbar and
 * the landing page are derived from it (router.tsx, navigation/navigationFor.ts); navbar entries
 * appear in this order.
 */
export const consoleModules: readonly ConsoleModule[] = [
  { name: 'auth', routes: authRoutes },
  { name: 'users', routes: usersRoutes },
  { name: 'roles', routes: rolesRoutes },
  { name: 'holdings', routes: holdingsRoutes },
  { name: 'feeds', routes: feedsRoutes },
  { name: 'alerts', routes: alertsRoutes },
  { name: 'audit', routes: auditRoutes },
  { name: 'account', routes: accountRoutes },
];

export const consoleRoutes: readonly ConsoleRoute[] = consoleModules.flatMap((module) => module.routes);
