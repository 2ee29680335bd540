import pg from 'pg';
import type { Resource } from '@/core/access/permission-catalog';
import type { AccessProvider } from '@/core/access/require-access';

/**
 * Which users and roles an actor may touch: the rows RLS shows it (its org; users:read or
 * roles:read for others than itself and its own role). One round trip for any number of ids.
 */
const rowsVisibleUnderRls = (resource: Resource & ('users' | 'roles'), label: string): AccessProvider => ({
  resource,
  label,
  async visibleIds(_actor, ids, db) {
    const list = ids.map((id) => pg.escapeLiteral(id)).join(', ');
    const rows = await db.readRows<{ id: string }>(`SELECT id FROM ${resource} WHERE id = ANY(ARRAY[${list}]::uuid[])`);
    return new Set(rows.map((r) => r.id));
  },
});

export const userAccess = rowsVisibleUnderRls('users', 'User');
export const roleAccess = rowsVisibleUnderRls('roles', 'Role');
