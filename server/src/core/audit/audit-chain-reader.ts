import type { MikroORM } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { scopePreamble } from '@/lib/db/db-scope';
import { withRawClient } from '@/lib/db/raw-client';
import type { ChainedAuditEntry } from './audit-entry';
import { to as copyTo } from 'pg-copy-streams';
import { CHAINED_ENTRY_COLUMNS, chainedEntriesByKeySql, chainedEntryFromCopyFields, JOIN_LINKS_BY_KEY } from './audit-sql';
import { findLinkFailure, isSecondLink } from './audit-link-check';
import { copyTextRows, drainCopy } from '@/lib/db/copy-text';
import type { AuditEntryMac } from './audit-entry-mac';
import { macCheckOf } from './audit-mac-start';
import {
  ChainVerifier,
  pointHolds,
  withLinkFailure,
  type ChainHead,
  type ChainVerification,
  type EntryMacCheck,
} from './audit-verify';

// Reads chains out of PostgreSQL for the pure verifier.

export type OrgChainVerification = ChainVerification & { orgId: string; elapsedMs: number };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One org's entries in seq order from `fromSeq`, streamed with COPY: PostgreSQL renders rows on its
 * core while this one parses and hashes. Stopping early (first invalid entry) drains the rest of
 * the COPY.
 */
export async function* readChain(client: pg.ClientBase, orgId: string, fromSeq = 1): AsyncGenerator<ChainedAuditEntry[]> {
  if (!UUID.test(orgId)) throw new Error('orgId must be a UUID');
  if (!Number.isSafeInteger(fromSeq) || fromSeq < 1) throw new Error('fromSeq must be a positive integer');
  const stream = client.query(
    copyTo(
      `COPY (SELECT ${CHAINED_ENTRY_COLUMNS} FROM ${chainedEntriesByKeySql(orgId, fromSeq)} ORDER BY audit_entries.seq) TO STDOUT`,
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
 * Runs `fn` in one read-only REPEATABLE READ snapshot as vigil_system (chain, content, head and
 * cursor agree), planned for streaming a chain. The client must be a vigil_app or administrator
 * connection not inside a transaction. No JIT: the planner prices the by-key lookup of each link
 * (chainedEntriesByKeySql) high enough to compile the query: about 0.2 s of the 0.7 s PostgreSQL
 * took to render a 100k-entry chain (0.5 s through the view, by key, with current statistics).
 */
export async function inVerifySnapshot<T>(client: pg.ClientBase, fn: () => Promise<T>): Promise<T> {
  await client.query(
    `BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY; ${scopePreamble({ role: 'vigil_system', source: 'audit-verify' })}
     ${JOIN_LINKS_BY_KEY} SET LOCAL jit = off;`,
  );
  try {
    return await fn();
  } finally {
    await client.query('COMMIT');
  }
}

/** The chainer's record of the org's last seq and hash; null when it has linked nothing. */
export async function readHead(client: pg.ClientBase, orgId: string): Promise<ChainHead | null> {
  const heads = await client.query<{ seq: string; hash: string }>(
    'SELECT seq::text, hash FROM audit_chain_heads WHERE org_id = $1',
    [orgId],
  );
  const h = heads.rows[0];
  return h ? { seq: Number(h.seq), hash: h.hash } : null;
}

export type ChainWalk = { result: ChainVerification; walked: number };

/**
 * Walks the chain from a verified point (from genesis when null) to its end, checking each entry's
 * link, hash and MAC (`macs`, one per walk), and checks the tail against the head. Null when the
 * point's own entry no longer holds (`pointHolds`).
 */
export async function walkChain(
  client: pg.ClientBase,
  orgId: string,
  from: ChainHead | null,
  head: ChainHead | null,
  macs: EntryMacCheck,
): Promise<ChainWalk | null> {
  const verifier = new ChainVerifier(orgId, from ?? undefined, macs);
  let walked = 0;
  let anchored = from === null;
  walk: for await (const batch of readChain(client, orgId, from?.seq ?? 1)) {
    for (const entry of batch) {
      walked += 1;
      if (!anchored) {
        if (!pointHolds(entry, from!)) return null;
        anchored = true;
      } else if (!verifier.push(entry)) break walk;
    }
  }
  if (!anchored) return null;
  const result = verifier.finish(head);
  // An entry whose MAC repeats is a copy, unless it is the same entry linked a second time.
  if (result.reason === 'replayed_entry' && (await isSecondLink(client, orgId, result.firstInvalidSeq!))) {
    return { result: withLinkFailure(result, { reason: 'duplicate_link', position: result.firstInvalidSeq! }), walked };
  }
  return { result, walked };
}

/** The whole chain, then (when it holds) its links against the org's content. Inside the snapshot. */
export async function walkWholeChain(
  client: pg.ClientBase,
  orgId: string,
  head: ChainHead | null,
  mac: AuditEntryMac,
): Promise<ChainWalk> {
  const macs = await macCheckOf(client, orgId, mac, head?.seq);
  const { result, walked } = (await walkChain(client, orgId, null, head, macs))!;
  if (!result.valid) return { result, walked };
  const failure = await findLinkFailure(client, orgId, result.checked);
  return { result: failure ? withLinkFailure(result, failure) : result, walked };
}

/**
 * Verifies one org's whole chain in a single read-only snapshot (chain and head agree), as
 * vigil_system, each entry's MAC under `mac`'s keys. The client must be a vigil_app or
 * administrator connection not inside a transaction.
 */
export async function verifyOrgChainOnClient(
  client: pg.ClientBase,
  mac: AuditEntryMac,
  orgId: string,
): Promise<OrgChainVerification> {
  const started = performance.now();
  const { result } = await inVerifySnapshot(client, async () =>
    walkWholeChain(client, orgId, await readHead(client, orgId), mac),
  );
  return { ...result, orgId, elapsedMs: performance.now() - started };
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

export function verifyOrgChain(orm: MikroORM, mac: AuditEntryMac, orgId: string): Promise<OrgChainVerification> {
  return withRawClient(orm, (client) => verifyOrgChainOnClient(client, mac, orgId));
}

export async function verifyAllChainsOnClient(client: pg.ClientBase, mac: AuditEntryMac): Promise<OrgChainVerification[]> {
  const results: OrgChainVerification[] = [];
  for (const orgId of await listChainedOrgs(client)) results.push(await verifyOrgChainOnClient(client, mac, orgId));
  return results;
}

export function verifyAllChains(orm: MikroORM, mac: AuditEntryMac): Promise<OrgChainVerification[]> {
  return withRawClient(orm, (client) => verifyAllChainsOnClient(client, mac));
}
