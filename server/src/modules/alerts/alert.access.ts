import type { AccessProvider } from '@/core/access/require-access';
import { visibleAlertIdsSql } from './alert.queries';

/**
 * Which alerts an actor may touch: the rows RLS shows it (its org, with alerts:read or
 * alerts:write). Employees hold neither, so they see no alerts, their own included.
 */
export const alertAccess: AccessProvider = {
  resource: 'alerts',
  label: 'Alert',
  async visibleIds(_actor, ids, db) {
    const rows = await db.readRows<{ id: string }>(visibleAlertIdsSql(ids));
    return new Set(rows.map((r) => r.id));
  },
};
