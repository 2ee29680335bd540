import { consoleRoutes } from '../modules';
import { hasPermission } from '../permissions/hasPermission';
import type { NavEntry } from '../routing/ConsoleRoute';

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
