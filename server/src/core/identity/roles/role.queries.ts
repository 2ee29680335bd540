import pg from 'pg';
import type { PreparedStatement } from '@/lib/db/prepared-statement';

/**
 * Roles with the number of users holding each, for reads under the caller's RLS scope (the org's
 * roles; users:read or roles:read to see others than one's own). Public to other modules: a user
 * list shows each user's role.
 */
export const rolesSql = (where = '') =>
  `SELECT r.id, r.name, r.description, array_to_string(r.permissions, ',') AS permissions, r.built_in,
     (SELECT count(*) FROM users u WHERE u.role_id = r.id) AS user_count
   FROM roles r ${where}`;

export const roleByIdSql = (id: string) => rolesSql(`WHERE r.id = ${pg.escapeLiteral(id)}::uuid`);

/** Every role of the org visible to the caller, prepared (it rides along with user lists). */
export const allRolesRead = (): PreparedStatement => ({ name: 'vigil_roles_all', types: [], sql: rolesSql(), params: [] });
