import { isoTimestampSql } from '@/lib/db/iso-timestamp-sql';
import type { PreparedStatement } from '@/lib/db/prepared-statement';
import { employeeValuesSql } from '../valuation/valuation.queries';
import type { EmployeeStatus } from './employee.entity';

// SQL for reading the roster under the caller's RLS scope, as prepared statements (one per
// variant): the rows, their connection health and, for readers of balances, their value now, in
// one statement and one round trip. Health and value are computed for the selected rows only,
// after the page is cut, not for the whole roster.

// The selected rows carry only the columns read below: a CTE holds whole rows, and carrying
// every column of employees cost a third of the statement.
const ROW_COLUMNS = 'e.id, e.name, e.email, e.department, e.status, e.user_id, e.status_changed_at, e.status_note, e.created_at';

const EMPLOYEE_COLUMNS = `e.id, e.name, e.email, e.department, e.status, e.user_id,
  ${isoTimestampSql('e.status_changed_at')} AS status_changed_at, e.status_note,
  ${isoTimestampSql('e.created_at')} AS created_at, ${isoTimestampSql('i.expires_at')} AS invitation_expires_at,
  coalesce(h.connections, 0) AS connections, coalesce(h.broken, 0) AS broken, coalesce(h.failing, 0) AS failing`;

// The live invitation of each selected employee (at most one: a unique partial index), joined
// once rather than looked up row by row. Only readers with employees:write see invitations (RLS).
const LIVE_INVITATION_JOIN = `LEFT JOIN employee_invitations i
    ON i.employee_id = e.id AND i.used_at IS NULL AND i.revoked_at IS NULL`;

// The selected employees' live connections as the reader's RLS shows them (none without
// connections:read), read once for health and for value.
const LIVE_CONNECTIONS = `SELECT c.id, c.employee_id, c.status, c.failing_since, c.balances_at
    FROM exchange_connections c WHERE c.employee_id IN (SELECT id FROM rows) AND c.status <> 'removed'`;

const HEALTH = `SELECT c.employee_id, count(*)::int AS connections,
         count(*) FILTER (WHERE c.status IN ('broken', 'suspended'))::int AS broken,
         count(*) FILTER (WHERE c.status IN ('active', 'scope_unverified') AND c.failing_since IS NOT NULL)::int AS failing
    FROM live_connections c GROUP BY c.employee_id`;

/** Which employees a read selects. */
export type EmployeeSelection =
  | { kind: 'page'; limit: number; after?: [string, string]; search?: string; status?: EmployeeStatus }
  | { kind: 'id'; id: string }
  | { kind: 'own' };

/**
 * The employees `selection` names, ordered by (name, id), with health and, when `valuedIn` names
 * the reference currency (the reader holds balances:read), total_value and unpriced_assets.
 */
export function employeesRead(selection: EmployeeSelection, valuedIn: string | null): PreparedStatement {
  const types: string[] = [];
  const params: (string | number)[] = [];
  const param = (type: string, value: string | number) => {
    types.push(type);
    params.push(value);
    return `$${params.length}::${type}`;
  };
  const where = ['e.org_id = app_org_id()'];
  let limit = '';
  let name = `vigil_employees_${selection.kind}`;
  if (selection.kind === 'page') {
    limit = `LIMIT ${param('int', Math.trunc(selection.limit))}`;
    if (selection.after) {
      where.push(`(e.name, e.id) > (${param('text', selection.after[0])}, ${param('uuid', selection.after[1])})`);
      name += '_after';
    }
    if (selection.search) {
      const pattern = param('text', `%${selection.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(e.name ILIKE ${pattern} OR e.email ILIKE ${pattern} OR e.department ILIKE ${pattern})`);
      name += '_search';
    }
    if (selection.status) {
      where.push(`e.status = ${param('text', selection.status)}`);
      name += '_status';
    }
  } else if (selection.kind === 'id') {
    where.push(`e.id = ${param('uuid', selection.id)}`);
  } else {
    // The row bound to the acting user (an Employee reads only itself).
    where.push('e.user_id = app_actor_id()');
  }
  const valued = valuedIn !== null;
  if (valued) name += '_valued';
  const values = valued
    ? `, valued AS (${employeeValuesSql({ employeeIds: 'SELECT id FROM rows', liveConnections: 'live_connections' }, param('text', valuedIn))})`
    : '';
  return {
    name,
    types,
    sql: `WITH rows AS MATERIALIZED (SELECT ${ROW_COLUMNS} FROM employees e WHERE ${where.join(' AND ')} ORDER BY e.name, e.id ${limit}),
      live_connections AS MATERIALIZED (${LIVE_CONNECTIONS}),
      health AS (${HEALTH})${values}
      SELECT ${EMPLOYEE_COLUMNS}${valued ? ', v.total_value, v.unpriced_assets' : ''}
        FROM rows e LEFT JOIN health h ON h.employee_id = e.id ${LIVE_INVITATION_JOIN}
        ${valued ? 'LEFT JOIN valued v ON v.employee_id = e.id' : ''}
       ORDER BY e.name, e.id`,
    params,
  };
}

/** The employee row bound to the acting user, without value (onboarding, own connections and wallets). */
export const ownEmployeeRead = (): PreparedStatement => employeesRead({ kind: 'own' }, null);
