import type { EntityManager } from '@mikro-orm/postgresql';

/** What a session is issued from: the user and role as one statement read them, and when. */
export type SessionState = {
  userId: string;
  orgId: string;
  email: string;
  disabled: boolean;
  mfaEnabled: boolean;
  roleId: string;
  roleName: string;
  permissions: string[];
  passwordHash: string;
  /**
   * When the statement that read this state began, on the database's clock. A session issued
   * from it carries this as its issue time: if a change to the user or the role committed after
   * the read, its cutoff (taken after its commit, same clock) is later, and the session is
   * refused (session-cutoffs.ts).
   */
  readAtMs: number;
};

type Row = {
  id: string;
  org_id: string;
  email: string;
  password_hash: string;
  disabled: boolean;
  mfa_enabled: boolean;
  role_id: string;
  role_name: string;
  permissions: string;
  read_at: string;
};

const SQL = `SELECT u.id, u.org_id, u.email, u.password_hash, u.disabled, (u.mfa_enabled_at IS NOT NULL) AS mfa_enabled,
    u.role_id, r.name AS role_name, array_to_string(r.permissions, ',') AS permissions,
    floor(extract(epoch from statement_timestamp()) * 1000)::bigint::text AS read_at
  FROM users u JOIN roles r ON r.id = u.role_id`;

/** The session state of one user, by email or id, in one statement; undefined when none is visible. */
export async function readSessionState(
  em: EntityManager,
  by: { email: string } | { userId: string },
): Promise<SessionState | undefined> {
  const [where, value] = 'email' in by ? ['u.email = ?', by.email] : ['u.id = ?', by.userId];
  const [row] = (await em.execute(`${SQL} WHERE ${where}`, [value])) as Row[];
  if (!row) return undefined;
  return {
    userId: row.id,
    orgId: row.org_id,
    email: row.email,
    disabled: row.disabled,
    mfaEnabled: row.mfa_enabled,
    roleId: row.role_id,
    roleName: row.role_name,
    permissions: row.permissions === '' ? [] : row.permissions.split(','),
    passwordHash: row.password_hash,
    readAtMs: Number(row.read_at),
  };
}
