import pg from 'pg';
import { isoTimestampSql } from '@/lib/db/iso-timestamp-sql';
import type { PreparedStatement } from '@/lib/db/prepared-statement';

// SQL for reading users, sent through RequestDb.readResults with the roles they hold (one round
// trip under the caller's RLS scope). Every interpolated value is quoted with escapeLiteral or
// validated.
export const USER_COLUMNS = `u.id, u.email, u.name, u.disabled, (u.mfa_enabled_at IS NOT NULL) AS mfa_enabled,
  ${isoTimestampSql('u.created_at')} AS created_at, u.role_id, u.must_change_password,
  ${isoTimestampSql('u.last_sign_in_at')} AS last_sign_in_at, ${isoTimestampSql('u.sessions_ended_at')} AS sessions_ended_at`;

/** One page of the org's users by (name, id); a prepared statement per filter combination. */
export function listUsersRead(opts: { limit: number; after?: [string, string]; search?: string }): PreparedStatement {
  const where = ['u.org_id = app_org_id()'];
  const types = ['int'];
  const params: (string | number)[] = [Math.trunc(opts.limit)];
  const param = (type: string, value: string | number) => {
    types.push(type);
    params.push(value);
    return `$${params.length}::${type}`;
  };
  if (opts.after) where.push(`(u.name, u.id) > (${param('text', opts.after[0])}, ${param('uuid', opts.after[1])})`);
  if (opts.search) {
    const pattern = param('text', `%${opts.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`(u.name ILIKE ${pattern} OR u.email ILIKE ${pattern})`);
  }
  return {
    name: `vigil_users_page${opts.after ? '_after' : ''}${opts.search ? '_search' : ''}`,
    types,
    sql: `SELECT ${USER_COLUMNS} FROM users u WHERE ${where.join(' AND ')} ORDER BY u.name, u.id LIMIT $1`,
    params,
  };
}

export const userByIdSql = (id: string) => `SELECT ${USER_COLUMNS} FROM users u WHERE u.id = ${pg.escapeLiteral(id)}::uuid`;
