/**
 * The resource each root field acts on, so that every entry names it — a refusal by the shield
 * included, before any service ran. Services refine the note (the id they touched, details).
 * A test holds this map to the schema's root fields, like the shield's rules.
 */
export const RESOURCE_OF_FIELD: Readonly<Record<string, string>> = {
  me: 'user',
  users: 'user',
  user: 'user',
  roles: 'role',
  role: 'role',
  permissionCatalog: 'role',
  auditEntries: 'audit_log',
  auditChainStatus: 'audit_log',
  login: 'user',
  logout: 'session',
  stepUp: 'session',
  beginMfaEnrollment: 'user',
  confirmMfaEnrollment: 'user',
  changePassword: 'user',
  createUser: 'user',
  updateUser: 'user',
  assignRole: 'user',
  createRole: 'role',
  updateRole: 'role',
  deleteRole: 'role',
};

const ID_ARGS = ['id', 'userId'] as const;

/** The target id a root field names in its arguments, when it names one. */
export function resourceIdOf(args: Record<string, unknown>): string | null {
  for (const name of ID_ARGS) {
    const v = args[name];
    if (typeof v === 'string' && v.length <= 100) return v;
  }
  return null;
}
