export type NavKey = 'users' | 'roles' | 'audit' | 'account';

export type NavItem = {
  key: NavKey;
  label: string;
  path: string;
  /** The permission the page's data needs; null for pages every signed-in person has. */
  requires: string | null;
};

export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'users', label: 'Users', path: '/users', requires: 'users:read' },
  { key: 'roles', label: 'Roles', path: '/roles', requires: 'roles:read' },
  { key: 'audit', label: 'Audit log', path: '/audit', requires: 'audit:read' },
  { key: 'account', label: 'Account & security', path: '/account', requires: null },
];

export function hasPermission(permissions: readonly string[], permission: string): boolean {
  return permissions.includes(permission);
}

/** The items a person may open, in menu order. The server still checks every request. */
export function navigationFor(permissions: readonly string[]): NavItem[] {
  return NAV_ITEMS.filter((item) => item.requires === null || hasPermission(permissions, item.requires));
}

/** Where to land after sign-in: the first page with data this person may read. */
export function landingPathFor(permissions: readonly string[]): string {
  const first = navigationFor(permissions).find((item) => item.requires !== null);
  return first?.path ?? '/account';
}
