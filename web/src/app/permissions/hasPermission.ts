/**
 * Whether a permission list grants one permission, by exact name ('users:readonly' is not
 * 'users:read'). The console hides what a role cannot use for clarity; the server checks every request.
 */
export function hasPermission(permissions: readonly string[], permission: string): boolean {
  return permissions.includes(permission);
}
