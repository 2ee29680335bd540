import type pg from 'pg';
import { scopePreamble } from '@/lib/db/db-scope';
import type { ChainHead, ChainVerification } from './audit-verify';
import { verifiedPointOf } from './audit-verify';

// Each org's last verified point (audit_chain_verified, migration 0009): the seq and hash of an
// entry up to which the chain was found to hold. Only vigil_system reads or writes it.

const HEX64 = /^[0-9a-f]{64}$/;

/** Inside the verifier's snapshot. */
export async function readVerifiedPoint(client: pg.ClientBase, orgId: string): Promise<ChainHead | null> {
  const res = await client.query<{ seq: string; hash: string }>(
    'SELECT seq::text, hash FROM audit_chain_verified WHERE org_id = $1',
    [orgId],
  );
  const row = res.rows[0];
  return row && HEX64.test(row.hash) ? { seq: Number(row.seq), hash: row.hash } : null;
}

async function asSystem(client: pg.ClientBase, sql: string, params: unknown[]): Promise<number> {
  await client.query(`BEGIN; ${scopePreamble({ role: 'vigil_system', source: 'audit-verify' })}`);
  const res = await client.query(sql, params);
  await client.query('COMMIT');
  return res.rowCount ?? 0;
}

/**
 * After a walk that started from `from` (null: there was no point): moves the point to where the
 * walk ended, only if nobody moved it meanwhile. A full verification that reset the point while
 * this walk ran wins, so a break it found is never walked past. `whole`: the walk covered the
 * whole chain. True when the point was written.
 */
export async function advanceVerifiedPoint(
  client: pg.ClientBase,
  orgId: string,
  from: ChainHead | null,
  to: ChainHead,
  whole: boolean,
): Promise<boolean> {
  const written = await asSystem(
    client,
    `INSERT INTO audit_chain_verified AS v (org_id, seq, hash, verified_at, whole_at)
     VALUES ($1, $2, $3, now(), CASE WHEN $4::boolean THEN now() END)
     ON CONFLICT (org_id) DO UPDATE
       SET seq = excluded.seq, hash = excluded.hash, verified_at = excluded.verified_at,
           whole_at = coalesce(excluded.whole_at, v.whole_at)
       WHERE v.seq = $5::bigint AND v.hash = $6::text`,
    [orgId, to.seq, to.hash, whole, from?.seq ?? null, from?.hash ?? null],
  );
  return written > 0;
}

/**
 * After a full verification of every chain (the scheduled job): each org's point becomes the last
 * entry that holds, wherever it was, so a break found before an org's point is reported by the
 * next chain status too; an org whose links do not match its content loses its point (its status
 * walks the whole chain until the links match again).
 */
export async function resetVerifiedPoints(
  client: pg.ClientBase,
  results: ReadonlyArray<ChainVerification & { orgId: string }>,
): Promise<void> {
  if (results.length === 0) return;
  const points = results.map((r) => ({ orgId: r.orgId, point: verifiedPointOf(r) }));
  await asSystem(
    client,
    `WITH p AS (SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::text[]) AS p(org_id, seq, hash)),
     gone AS (DELETE FROM audit_chain_verified v USING p WHERE v.org_id = p.org_id AND p.seq IS NULL)
     INSERT INTO audit_chain_verified AS v (org_id, seq, hash, verified_at, whole_at)
     SELECT org_id, seq, hash, now(), now() FROM p WHERE seq IS NOT NULL
     ON CONFLICT (org_id) DO UPDATE
       SET seq = excluded.seq, hash = excluded.hash, verified_at = excluded.verified_at, whole_at = excluded.whole_at`,
    [points.map((p) => p.orgId), points.map((p) => p.point?.seq ?? null), points.map((p) => p.point?.hash ?? null)],
  );
}
