import type { MikroORM } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { scopePreamble } from '@/lib/db/db-scope';
import { withRawClient } from '@/lib/db/raw-client';
import { AuditChainer } from './audit-chainer';
import type { AuditEntryMac } from './audit-entry-mac';
import type { EntryMacCheck } from './audit-verify';

// Entries written before migration 0012 have no MAC. The migration recorded, per org, the seq the
// last of them takes in the chain (audit_mac_start); the process that applied it seals each row
// with the hash the chain has at that seq, under the key ring. A MAC-less entry is accepted only
// at or before a sealed start whose hash is the chain's (README.md, "Entry MACs").

/** The migration that began entry MACs. Only the process that applies it seals the starts. */
export const ENTRY_MAC_MIGRATION = '0012_audit_entry_mac.sql';

/**
 * Inside the verifier's snapshot: the last seq at which the org's entries may have no MAC. 0 (none
 * may) unless the org's start is sealed under the key ring and the chain still has its hash there:
 * a start row a superuser wrote, moved or unsealed vouches for nothing.
 */
export async function readMacStart(client: pg.ClientBase, orgId: string, mac: AuditEntryMac): Promise<number> {
  const res = await client.query<{ seq: string; hash: string | null; mac: string | null; chain_hash: string | null }>(
    `SELECT s.seq::text, s.hash, s.mac, encode(l.hash, 'hex') AS chain_hash
     FROM audit_mac_start s LEFT JOIN audit_chain l ON l.org_id = s.org_id AND l.seq = s.seq
     WHERE s.org_id = $1`,
    [orgId],
  );
  const row = res.rows[0];
  if (!row || row.hash === null || row.chain_hash !== row.hash) return 0;
  const seq = Number(row.seq);
  return mac.startHolds(row.mac, orgId, seq, row.hash) ? seq : 0;
}

/** A walk's MAC check for the org, from its start; `expected`: about how many entries the walk reads. */
export async function macCheckOf(
  client: pg.ClientBase,
  orgId: string,
  mac: AuditEntryMac,
  expected?: number,
): Promise<EntryMacCheck> {
  return mac.walk(await readMacStart(client, orgId, mac), expected);
}

export type MacStartSealing = { sealed: number; pending: number };

/**
 * Seals every unsealed start whose org's chain has reached it, chaining entries until all have or
 * `timeoutMs` passes. Call it only from the process that has just applied ENTRY_MAC_MIGRATION,
 * before it writes entries: a process cannot tell a row never sealed from one a superuser
 * unsealed, so sealing at any later time would sign whatever the table then says. `pending`: rows
 * left unsealed (their org's pre-0012 entries will then verify as forged).
 */
export async function sealMacStarts(orm: MikroORM, mac: AuditEntryMac, timeoutMs = 60_000): Promise<MacStartSealing> {
  const chainer = new AuditChainer(orm);
  const deadline = Date.now() + timeoutMs;
  let sealed = 0;
  for (;;) {
    const round = await withRawClient(orm, (client) => sealReached(client, mac));
    sealed += round.sealed;
    if (round.pending === 0 || Date.now() > deadline) return { sealed, pending: round.pending };
    if ((await chainer.chainOnce()) === 0) await new Promise((r) => setTimeout(r, 10));
  }
}

async function sealReached(client: pg.ClientBase, mac: AuditEntryMac): Promise<MacStartSealing> {
  await client.query(`BEGIN; ${scopePreamble({ role: 'vigil_system', source: 'audit-mac-start' })}`);
  try {
    const rows = await client.query<{ orgId: string; seq: string; hash: string | null }>(
      `SELECT s.org_id AS "orgId", s.seq::text, encode(l.hash, 'hex') AS hash
       FROM audit_mac_start s LEFT JOIN audit_chain l ON l.org_id = s.org_id AND l.seq = s.seq
       WHERE s.mac IS NULL`,
    );
    const reached = rows.rows.filter((r): r is typeof r & { hash: string } => r.hash !== null);
    if (reached.length > 0) {
      await client.query(
        `UPDATE audit_mac_start s SET hash = r.hash, mac = r.mac, sealed_at = now()
         FROM unnest($1::uuid[], $2::text[], $3::text[]) AS r(org_id, hash, mac)
         WHERE s.org_id = r.org_id AND s.mac IS NULL`,
        [
          reached.map((r) => r.orgId),
          reached.map((r) => r.hash),
          reached.map((r) => mac.startMac(r.orgId, Number(r.seq), r.hash)),
        ],
      );
    }
    await client.query('COMMIT');
    return { sealed: reached.length, pending: rows.rows.length - reached.length };
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  }
}
