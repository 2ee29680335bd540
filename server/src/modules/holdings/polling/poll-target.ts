import type { EntityManager } from '@mikro-orm/postgresql';

/** Everything a poll needs of one connection, read by the worker (vigil_system). */
export type PollTarget = {
  id: string;
  orgId: string;
  employeeId: string;
  employeeName: string;
  venue: string;
  keyFingerprint: string;
  label: string;
  sandbox: boolean;
  status: string;
  apiKeyEnc: string;
  secretEnc: string;
  passphraseEnc: string | null;
  cursor: string | undefined;
  failingSince: Date | null;
};

type Row = {
  id: string;
  org_id: string;
  employee_id: string;
  employee_name: string;
  venue: string;
  key_fingerprint: string;
  label: string;
  sandbox: boolean;
  status: string;
  api_key_enc: string;
  secret_enc: string;
  passphrase_enc: string | null;
  cursors: { activity?: string };
  failing_since: Date | null;
};

/**
 * The connection if it is still to be polled: its own status says it may be used (not broken,
 * suspended or removed) and its employee has not been offboarded. Locked for the poll's writes.
 */
export async function loadPollTarget(em: EntityManager, connectionId: string, lock: boolean): Promise<PollTarget | undefined> {
  const [row] = await em.execute<Row[]>(
    `SELECT c.id, c.org_id, c.employee_id, e.name AS employee_name, c.venue, c.key_fingerprint, c.label, c.sandbox,
            c.status, c.api_key_enc, c.secret_enc, c.passphrase_enc, c.cursors, c.failing_since
       FROM exchange_connections c JOIN employees e ON e.id = c.employee_id AND e.org_id = c.org_id
      WHERE c.id = ? AND c.status IN ('active', 'scope_unverified') AND e.status IN ('active', 'needs_reonboarding')
      ${lock ? 'FOR UPDATE OF c' : ''}`,
    [connectionId],
  );
  if (!row) return undefined;
  return {
    id: row.id,
    orgId: row.org_id,
    employeeId: row.employee_id,
    employeeName: row.employee_name,
    venue: row.venue,
    keyFingerprint: row.key_fingerprint,
    label: row.label,
    sandbox: row.sandbox,
    status: row.status,
    apiKeyEnc: row.api_key_enc,
    secretEnc: row.secret_enc,
    passphraseEnc: row.passphrase_enc,
    cursor: typeof row.cursors?.activity === 'string' ? row.cursors.activity : undefined,
    failingSince: row.failing_since ? new Date(row.failing_since) : null,
  };
}

/** How alerts and audit entries name a connection: the person and the venue, never the key. */
export const connectionLabel = (t: Pick<PollTarget, 'employeeName' | 'keyFingerprint'>, venueName: string) =>
  `${t.employeeName} · ${venueName} key ${t.keyFingerprint}`;
