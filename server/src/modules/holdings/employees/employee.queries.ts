import pg from 'pg';
import { isoTimestampSql } from '@/lib/db/iso-timestamp-sql';
import type { PreparedStatement } from '@/lib/db/prepared-statement';
import type { EmployeeStatus } from './employee.entity';

// SQL for reading the roster under the caller's RLS scope. Every interpolated value is a bound
// parameter or quoted with escapeLiteral.

const EMPLOYEE_COLUMNS = `e.id, e.name, e.email, e.department, e.status, e.user_id,
  ${isoTimestampSql('e.status_changed_at')} AS status_changed_at, e.status_note,
  ${isoTimestampSql('e.created_at')} AS created_at,
  (SELECT ${isoTimestampSql('i.expires_at')} FROM employee_invitations i
    WHERE i.employee_id = e.id AND i.used_at IS NULL AND i.revoked_at IS NULL) AS invitation_expires_at,
  h.connections, h.broken, h.failing`;

// Connection health per employee, as the reader's RLS shows connections (none without connections:read).
const HEALTH_JOIN = `LEFT JOIN LATERAL (
    SELECT count(*)::int AS connections,
           count(*) FILTER (WHERE c.status IN ('broken', 'suspended'))::int AS broken,
           count(*) FILTER (WHERE c.status IN ('active', 'scope_unverified') AND c.failing_since IS NOT NULL)::int AS failing
      FROM exchange_connections c WHERE c.employee_id = e.id AND c.status <> 'removed') h ON true`;

/** One page of the org's roster by (name, id); a prepared statement per filter combination. */
export function listEmployeesRead(opts: {
  limit: number;
  after?: [string, string];
  search?: string;
  status?: EmployeeStatus;
}): PreparedStatement {
  const where = ['e.org_id = app_org_id()'];
  const types = ['int'];
  const params: (string | number)[] = [Math.trunc(opts.limit)];
  const param = (type: string, value: string | number) => {
    types.push(type);
    params.push(value);
    return `$${params.length}::${type}`;
  };
  if (opts.after) where.push(`(e.name, e.id) > (${param('text', opts.after[0])}, ${param('uuid', opts.after[1])})`);
  if (opts.search) {
    const pattern = param('text', `%${opts.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`(e.name ILIKE ${pattern} OR e.email ILIKE ${pattern} OR e.department ILIKE ${pattern})`);
  }
  if (opts.status) where.push(`e.status = ${param('text', opts.status)}`);
  return {
    name: `vigil_employees_page${opts.after ? '_after' : ''}${opts.search ? '_search' : ''}${opts.status ? '_status' : ''}`,
    types,
    sql: `SELECT ${EMPLOYEE_COLUMNS} FROM employees e ${HEALTH_JOIN} WHERE ${where.join(' AND ')} ORDER BY e.name, e.id LIMIT $1`,
    params,
  };
}

export const employeeByIdSql = (id: string) =>
  `SELECT ${EMPLOYEE_COLUMNS} FROM employees e ${HEALTH_JOIN} WHERE e.id = ${pg.escapeLiteral(id)}::uuid`;

/** The row bound to the acting user (an Employee reads only itself). */
export const ownEmployeeSql = () => `SELECT ${EMPLOYEE_COLUMNS} FROM employees e ${HEALTH_JOIN} WHERE e.user_id = app_actor_id()`;
