import type { MikroORM } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { scopePreamble } from '@/lib/db/db-scope';
import { withRawClient } from '@/lib/db/raw-client';
import type { ChainedAuditEntry } from './audit-entry';
import { to as copyTo } from 'pg-copy-streams';
import { CHAINED_ENTRY_COLUMNS, chainedEntryFromCopyFields, JOIN_LINKS_BY_KEY } from './audit-sql';
import { findLinkFailure } from './audit-link-check';
import { copyTextRows, drainCopy } from '@/lib/db/copy-text';
import { ChainVerifier, withLinkFailure, type ChainHead, type ChainVerification } from './audit-verify';

// Reads chains out of PostgreSQL for the pure verifier.

export type OrgChainVerification = ChainVerification & { orgId: string; elapsedMs: number };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One org's entries in seq order, streamed with COPY: PostgreSQL renders rows on its core while
 * this one parses and hashes. Stopping early (first invalid entry) drains the rest of the COPY.
 */
async function* readChain(client: pg.ClientBase, orgId: string): AsyncGenerator<ChainedAuditEntry[]> {
  if (!UUID.test(orgId)) throw new Error('orgId must be a UUID');
  const stream = client.query(
    copyTo(
      `COPY (SELECT ${CHAINED_ENTRY_COLUMNS} FROM audit_entries WHERE org_id = '${orgId}' ORDER BY audit_entries.seq) TO STDOUT`,
    ),
  );
  try {
    // A batch per received chunk: an await per entry would cost as much as hashing it.
    for await (const rows of copyTextRows(stream)) yield rows.map(chainedEntryFromCopyFields);
  } finally {
    await drainCopy(stream);
  }
}

/**
 * Verifies one org's chain in a single read-only snapshot (chain and head agree), as vigil_system.
 * The client must be a vigil_app or administrator connection not inside a transaction.
 */
export async function verifyOrgChainOnClient(client: pg.ClientBase, orgId: string): Promise<OrgChainVerification> {
  const started = performance.now();
  await client.query(
    `BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY; ${scopePreamble({ role: 'vigil_system', source: 'audit-verify' })}
     ${JOIN_LINKS_BY_KEY}`,
  );
  try {
    const heads = await client.query<{ seq: string; hash: string }>(
      'SELECT seq::text, hash FROM audit_chain_heads WHERE org_id = $1',
      [orgId],
    );
    const h = heads.rows[0];
    const head: ChainHead | null = h ? { seq: Number(h.seq), hash: h.hash } : null;
    const verifier = new ChainVerifier(orgId);
    walk: for await (const batch of readChain(client, orgId)) {
      for (const entry of batch) if (!verifier.push(entry)) break walk;
    }
    let result = verifier.finish(head);
    if (result.valid) {
      const failure = await findLinkFailure(client, orgId, result.checked);
      if (failure) result = withLinkFailure(result, failure);
    }
    return { ...result, orgId, elapsedMs: performance.now() - started };
  } finally {
    await client.query('COMMIT');
  }
}

/**
 * Orgs with entries or a recorded head: a skip scan over audit_log's (org_id, at) index, so an org
 * whose entries were all inserted behind the chainer is verified too.
 */
export async function listChainedOrgs(client: pg.ClientBase): Promise<string[]> {
  await client.query(`BEGIN READ ONLY; ${scopePreamble({ role: 'vigil_system', source: 'audit-verify' })}`);
  try {
    const res = await client.query<{ orgId: string }>(`
      WITH RECURSIVE o AS (
        (SELECT org_id FROM audit_log ORDER BY org_id LIMIT 1)
        UNION ALL
        SELECT (SELECT a.org_id FROM audit_log a WHERE a.org_id > o.org_id ORDER BY a.org_id LIMIT 1)
        FROM o WHERE o.org_id IS NOT NULL)
      SELECT org_id AS "orgId" FROM o WHERE org_id IS NOT NULL
      UNION SELECT org_id FROM audit_chain_heads ORDER BY 1`);
    return res.rows.map((r) => r.orgId);
  } finally {
    await client.query('COMMIT');
  }
}

export function verifyOrgChain(orm: MikroORM, orgId: string): Promise<OrgChainVerification> {
  return withRawClient(orm, (client) => verifyOrgChainOnClient(client, orgId));
}

export async function verifyAllChainsOnClient(client: pg.ClientBase): Promise<OrgChainVerification[]> {
  const results: OrgChainVerification[] = [];
  for (const orgId of await listChainedOrgs(client)) results.push(await verifyOrgChainOnClient(client, orgId));
  return results;
}

export function verifyAllChains(orm: MikroORM): Promise<OrgChainVerification[]> {
  return withRawClient(orm, (client) => verifyAllChainsOnClient(client));
}
