import pg from 'pg';
import type { AccessProvider } from '@/core/access/require-access';

// Which users and roles an actor may touch: the rows RLS shows it (its org; users:read or
// roles:read for others than itself and its own role). One round trip for any number of ids.
const idsIn = (table: 'users' | 'roles', ids: readonly string[]) =>
  `SELECT id FROM ${table} WHERE id = ANY(ARRAY[${ids.map((id) => pg.escapeLiteral(id)).join(', ')}]::uuid[])`;

export const userAccess: AccessProvider = {
  resource: 'users',
  label: 'User',
  async visibleIds(_actor, ids, db) {
    const rows = await db.readRows<{ id: string }>(idsIn('users', ids));
    return new Set(rows.map((r) => r.id));
  },
};

export const roleAccess: AccessProvider = {
  resource: 'roles',
  label: 'Role',
  async visibleIds(_actor, ids, db) {
    const rows = await db.readRows<{ id: string }>(idsIn('roles', ids));
    return new Set(rows.map((r) => r.id));
  },
};
