import { matchPath } from 'react-router';
import { consoleRoutes } from '../modules';
import { hasPermission } from '../permissions/hasPermission';
import type { NavEntry, SignedInRoute } from '../routing/ConsoleRoute';

export type NavItem = NavEntry & {
  path: string;
  /** The permission the page's data needs; null for pages every signed-in person has. */
  requires: string | null;
};

/** Every navbar entry the modules declare, in module order. */
const NAV_ITEMS: readonly NavItem[] = consoleRoutes.flatMap((route) =>
  !route.public && route.nav ? [{ ...route.nav, path: route.path, requires: route.requires }] : [],
);

/** The items a person may open, in menu order. The server still checks every request. */
export function navigationFor(permissions: readonly string[]): NavItem[] {
  return NAV_ITEMS.filter((item) => item.requires === null || hasPermission(permissions, item.requires));
}

/** Where to land after sign-in: the first page with data this person may read, else the first page everyone has. */
export function landingPathFor(permissions: readonly string[]): string {
  const items = navigationFor(permissions);
  const landing = items.find((item) => item.requires !== null) ?? items[0];
  if (!landing) throw new Error('No console page is open to every signed-in person; app/modules.ts needs one.');
  return landing.path;
}

const SIGNED_IN_ROUTES: readonly SignedInRoute[] = consoleRoutes.filter((route): route is SignedInRoute => route.public !== true);

/**
 * Where to go after sign-in when the person was sent there from a page (`from`: path and query).
 * Back to that page when this person may open it; else their landing page. A role changes between
 * sessions (Admin → Viewer), and another person may sign in on the same tab after an expiry: the
 * page the last session had open is then one they may not read, and "Access denied" is no welcome.
 * Only a console page counts: an unknown path, another origin or a public page (sign-in) lands too.
 */
export function returnPathFor(permissions: readonly string[], from: string | null | undefined): string {
  const landing = landingPathFor(permissions);
  if (!from?.startsWith('/')) return landing;
  const base = 'http://console.invalid';
  const { origin, pathname } = new URL(from, base);
  if (origin !== base) return landing;
  const route = SIGNED_IN_ROUTES.find((candidate) => matchPath({ path: candidate.path, end: true }, pathname) !== null);
  if (!route) return landing;
  return route.requires === null || hasPermission(permissions, route.requires) ? from : landing;
}
