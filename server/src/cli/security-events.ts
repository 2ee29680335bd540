import pg from 'pg';
import { PLATFORM_CHAIN_ORG_ID } from '@/core/audit';
import { scopePreamble } from '@/lib/db/db-scope';

/**
 * `vigil security-events [--limit N]`: the platform's own security events (sign-ins to an
 * organization that does not exist, say), newest first, one JSON object per line. They belong to
 * no tenant, so no console shows them; this is where an operator reads them.
 */
export async function securityEventsCommand(
  databaseUrl: string,
  limit: number,
  out: (text: string) => void = (t) => process.stdout.write(`${t}\n`),
): Promise<0> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`BEGIN READ ONLY; ${scopePreamble({ role: 'vigil_system', source: 'cli:security-events' })}`);
    const { rows } = await client.query(
      `SELECT seq, at, action, outcome, ip_address AS "ipAddress", details
         FROM audit_entries WHERE org_id = $1 ORDER BY seq DESC LIMIT $2`,
      [PLATFORM_CHAIN_ORG_ID, limit],
    );
    await client.query('COMMIT');
    for (const row of rows) out(JSON.stringify({ ...row, seq: Number(row.seq) }));
    return 0;
  } finally {
    await client.end();
  }
}
