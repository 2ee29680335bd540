/** Resources and permissions (DESIGN.md "Principals, roles, permissions"). */
export const RESOURCES = [
  'employees',
  'connections',
  'balances',
  'transactions',
  'predictions',
  'alerts',
  'audit',
  'deals',
  'milestones',
  'releases',
  'partners',
  'api_keys',
  'roles',
  'users',
] as const;

export type Resource = (typeof RESOURCES)[number];
export type Permission = `${Resource}:${'read' | 'write'}`;

/**
 * The one vocabulary of object types: what an audit entry names as its resource type, derived
 * from the permission resource that guards it, plus the two objects no permission names.
 */
export const OBJECT_TYPE_OF = {
  employees: 'employee',
  connections: 'connection',
  balances: 'balance',
  transactions: 'transaction',
  predictions: 'prediction',
  alerts: 'alert',
  audit: 'audit_log',
  deals: 'deal',
  milestones: 'milestone',
  releases: 'release',
  partners: 'partner',
  api_keys: 'api_key',
  roles: 'role',
  users: 'user',
} as const satisfies Record<Resource, string>;

export type ObjectType = (typeof OBJECT_TYPE_OF)[Resource] | 'session' | 'organization';

/** The resource a permission is about: `users:read` → `users`. */
export const resourceOf = (permission: Permission): Resource => permission.slice(0, permission.indexOf(':')) as Resource;

export const PERMISSIONS: readonly Permission[] = RESOURCES.flatMap((r) => [`${r}:read`, `${r}:write`] as Permission[]);

export const isPermission = (p: string): p is Permission => (PERMISSIONS as readonly string[]).includes(p);

const read = (...rs: Resource[]) => rs.map((r) => `${r}:read` as Permission);
const write = (...rs: Resource[]) => rs.map((r) => `${r}:write` as Permission);

export type BuiltInRoleName = 'Admin' | 'Compliance' | 'Viewer' | 'Funder' | 'Contractor' | 'Employee';

/**
 * The built-in roles. Each is also a row per organization that custom roles can copy.
 * Funder, Contractor and Employee permissions are further limited to their own deals or
 * connections by the services and by RLS.
 */
export const BUILT_IN_ROLES: Record<BuiltInRoleName, { description: string; permissions: Permission[] }> = {
  Admin: {
    description:
      'Reads all of the organization; manages users, roles, employees, partners and API keys. Never approves or releases.',
    permissions: [...read(...RESOURCES), ...write('users', 'roles', 'employees', 'partners', 'api_keys')],
  },
  Compliance: {
    description: 'Reads holdings and the audit log; works alerts, the restricted list and pre-clearance.',
    permissions: [
      ...read('employees', 'connections', 'balances', 'transactions', 'predictions', 'alerts', 'audit'),
      ...write('alerts', 'connections'),
    ],
  },
  Viewer: {
    description: 'Reads employees, connection health, balances and alerts. No writes.',
    permissions: read('employees', 'connections', 'balances', 'alerts'),
  },
  Funder: {
    description: 'On its own deals: reads everything, funds, approves or rejects milestones, releases (with MFA).',
    permissions: [...read('deals', 'milestones', 'releases'), ...write('deals', 'milestones', 'releases')],
  },
  Contractor: {
    description: 'Creates deals, submits draw packages and reads its own deals. Never approves or releases.',
    permissions: [...read('deals', 'milestones'), ...write('deals')],
  },
  Employee: {
    description: 'Onboards, rotates and removes its own connections and wallets; files pre-clearance requests.',
    permissions: [...read('connections'), ...write('connections')],
  },
};
