import pg from 'pg';
import { isoTimestampSql } from '@/lib/db/iso-timestamp-sql';

// SQL for reading users, sent through RequestDb.readResults with the roles they hold (one round
// trip under the caller's RLS scope). Every interpolated value is quoted with escapeLiteral or
// validated.
const USER_COLUMNS = `u.id, u.email, u.name, u.disabled, (u.mfa_enabled_at IS NOT NULL) AS mfa_enabled,
  ${isoTimestampSql('u.created_at')} AS created_at, u.role_id`;

export function listUsersSql(opts: { limit: number; after?: [string, string]; search?: string }): string {
  const where: string[] = ['u.org_id = app_org_id()'];
  if (opts.after) {
    where.push(`(u.name, u.id) > (${pg.escapeLiteral(opts.after[0])}, ${pg.escapeLiteral(opts.after[1])}::uuid)`);
  }
  if (opts.search) {
    const pattern = pg.escapeLiteral(`%${opts.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`(u.name ILIKE ${pattern} OR u.email ILIKE ${pattern})`);
  }
  return `SELECT ${USER_COLUMNS} FROM users u WHERE ${where.join(' AND ')} ORDER BY u.name, u.id LIMIT ${Math.trunc(opts.limit)}`;
}

export const userByIdSql = (id: string) => `SELECT ${USER_COLUMNS} FROM users u WHERE u.id = ${pg.escapeLiteral(id)}::uuid`;
