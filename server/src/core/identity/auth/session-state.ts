import type { EntityManager } from '@mikro-orm/postgresql';

/** What a session is issued from: the user and role as one statement read them, and when. */
export type SessionState = {
  userId: string;
  orgId: string;
  email: string;
  disabled: boolean;
  mfaEnabled: boolean;
  /** Someone else set the password: the session may do nothing but change it (password-change-gate.ts). */
  mustChangePassword: boolean;
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
  must_change_password: boolean;
  role_id: string;
  role_name: string;
  permissions: string;
  read_at: string;
};

const COLUMNS = `u.id, u.email, u.password_hash, u.disabled, (u.mfa_enabled_at IS NOT NULL) AS mfa_enabled,
    u.must_change_password, u.role_id, r.name AS role_name, array_to_string(r.permissions, ',') AS permissions,
    floor(extract(epoch from statement_timestamp()) * 1000)::bigint::text AS read_at`;

/** The session state of one user, by id, in one statement; undefined when none is visible. */
export async function readSessionState(em: EntityManager, by: { userId: string }): Promise<SessionState | undefined> {
  const sql = `SELECT u.org_id, ${COLUMNS} FROM users u JOIN roles r ON r.id = u.role_id WHERE u.id = ?`;
  const [row] = (await em.execute(sql, [by.userId])) as Row[];
  return row ? toState(row) : undefined;
}

/**
 * What a sign-in finds, in one statement: the organization named by its slug (undefined when
 * there is none) and, in it only, the account with that email (undefined when there is none).
 */
export async function readSignInState(
  em: EntityManager,
  by: { organization: string; email: string },
): Promise<{ orgId?: string; state?: SessionState }> {
  const sql = `SELECT o.id AS org_id, ${COLUMNS}
    FROM organizations o LEFT JOIN users u ON u.org_id = o.id AND u.email = ? LEFT JOIN roles r ON r.id = u.role_id
    WHERE o.slug = ?`;
  const [row] = (await em.execute(sql, [by.email, by.organization])) as (Row | (Partial<Row> & { org_id: string }))[];
  if (!row) return {};
  return { orgId: row.org_id, state: row.id ? toState(row as Row) : undefined };
}

function toState(row: Row): SessionState {
  return {
    userId: row.id,
    orgId: row.org_id,
    email: row.email,
    disabled: row.disabled,
    mfaEnabled: row.mfa_enabled,
    mustChangePassword: row.must_change_password,
    roleId: row.role_id,
    roleName: row.role_name,
    permissions: row.permissions === '' ? [] : row.permissions.split(','),
    passwordHash: row.password_hash,
    readAtMs: Number(row.read_at),
  };
}
