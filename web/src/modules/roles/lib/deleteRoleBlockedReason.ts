import type { RoleFieldsFragment } from '@/generated/graphql';

const holdersText = (n: number) => (n === 1 ? '1 user holds' : `${n} users hold`);

/** Why a role cannot be deleted, or null when it can. */
export function deleteRoleBlockedReason(role: Pick<RoleFieldsFragment, 'builtIn' | 'userCount'>): string | null {
  if (role.builtIn) return 'Built-in roles cannot be deleted: they ship with Vigil.';
  if (role.userCount > 0) {
    return `${holdersText(role.userCount)} this role. Give them another role on the Users page before deleting it.`;
  }
  return null;
}
