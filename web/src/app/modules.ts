import { accountRoutes } from '@/modules/account';
import { alertsRoutes } from '@/modules/alerts';
import { auditRoutes } from '@/modules/audit';
import { authRoutes } from '@/modules/auth';
import { feedsRoutes } from '@/modules/feeds';
import { holdingsRoutes } from '@/modules/holdings';
import { rolesRoutes } from '@/modules/roles';
import { usersRoutes } from '@/modules/users';
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
