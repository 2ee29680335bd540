import pg from 'pg';
import type { AccessProvider } from '@/core/access/require-access';

/** Which employees an actor may touch: the rows RLS shows it (its org; employees:read, or itself). */
export const employeeAccess: AccessProvider = {
  resource: 'employees',
  label: 'Employee',
  async visibleIds(_actor, ids, db) {
    const list = ids.map((id) => pg.escapeLiteral(id)).join(', ');
    const rows = await db.readRows<{ id: string }>(`SELECT id FROM employees WHERE id = ANY(ARRAY[${list}]::uuid[])`);
    return new Set(rows.map((r) => r.id));
  },
};

/** Which connections an actor may touch: those RLS shows it (connections:read; its own without employees:read). */
export const connectionAccess: AccessProvider = {
  resource: 'connections',
  label: 'Connection',
  async visibleIds(_actor, ids, db) {
    const list = ids.map((id) => pg.escapeLiteral(id)).join(', ');
    const rows = await db.readRows<{ id: string }>(`SELECT id FROM exchange_connections WHERE id = ANY(ARRAY[${list}]::uuid[])`);
    return new Set(rows.map((r) => r.id));
  },
};
