import type pg from 'pg';
import { CHAIN_CURSOR_SQL, cursorConditionSql, type ChainCursor } from './audit-sql';
import type { LinkFailure } from './audit-verify';

// After a chain walk held: do the org's entries and its links agree? Every entry at or below the
// chainer's cursor must have exactly one link. Runs inside the verifier's snapshot.

type Position = { position: number | null };

/**
 * The walk joined `linked` links to entries. The org's entries at or below the cursor are counted
 * (one scan, ~0.12 s per million); only when the counts differ is the culprit searched for: the
 * first entry with no link (named by the seq of the link after it), the first second link to an
 * entry, or the first link beyond a cursor that was moved back.
 */
export async function findLinkFailure(client: pg.ClientBase, orgId: string, linked: number): Promise<LinkFailure | null> {
  const cursor = ((await client.query<ChainCursor>(CHAIN_CURSOR_SQL)).rows[0] as ChainCursor | undefined) ?? null;
  const counted = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_log c WHERE c.org_id = $1 AND ${cursorConditionSql('<=', cursor, 'c.')}`,
    [orgId],
  );
  const entries = counted.rows[0]!.n;
  if (entries === linked) return null;
  // The searches compare whole sets: hash joins, which the chain walk had switched off, are what
  // keeps them linear (audit_chain has no index on the entry key).
  await client.query('SET LOCAL enable_hashjoin = on; SET LOCAL enable_mergejoin = on');
  if (entries > linked) {
    const position = await firstUnlinkedEntry(client, orgId, cursor);
    return position === null ? null : { reason: 'unlinked_entry', position };
  }
  const duplicate = await firstDuplicateLink(client, orgId);
  if (duplicate !== null) return { reason: 'duplicate_link', position: duplicate };
  return { reason: 'cursor_behind', position: (await firstLinkBeyond(client, orgId, cursor)) ?? 1 };
}

/**
 * After a walk from a verified point held: the org's entries above the point's entry and at or
 * below the cursor must be exactly the `linked` links walked after the point. A range of
 * audit_log's primary key: every org's entries written since the point's entry (the scheduled
 * verification moves each org's point at least once per run), not the org's whole log. An entry
 * slipped in below the point is not seen here: the full walk's count sees it.
 */
export async function linksSinceMatch(client: pg.ClientBase, orgId: string, pointSeq: number, linked: number): Promise<boolean> {
  const res = await client.query<ChainCursor>(
    'SELECT entry_xid::text AS xid, entry_id::text AS id FROM audit_chain WHERE org_id = $1 AND seq = $2',
    [orgId, pointSeq],
  );
  const point = res.rows[0];
  if (!point) return false;
  const cursor = ((await client.query<ChainCursor>(CHAIN_CURSOR_SQL)).rows[0] as ChainCursor | undefined) ?? null;
  const counted = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_log c
     WHERE c.org_id = $1 AND ${cursorConditionSql('>', point, 'c.')} AND ${cursorConditionSql('<=', cursor, 'c.')}`,
    [orgId],
  );
  return counted.rows[0]!.n === linked;
}

/**
 * Whether the link at `seq` points at an entry an earlier link of the org already points at: a
 * duplicate link, which the walk sees first as an entry whose MAC repeats. Only asked after the
 * walk found such an entry (no index on the entry key: a pass over the org's links).
 */
export async function isSecondLink(client: pg.ClientBase, orgId: string, seq: number): Promise<boolean> {
  const res = await client.query<{ second: boolean }>(
    `SELECT EXISTS (SELECT FROM audit_chain a JOIN audit_chain b
       ON b.org_id = a.org_id AND b.entry_xid = a.entry_xid AND b.entry_id = a.entry_id AND b.seq < a.seq
       WHERE a.org_id = $1 AND a.seq = $2) AS second`,
    [orgId, seq],
  );
  return res.rows[0]!.second;
}

async function firstUnlinkedEntry(client: pg.ClientBase, orgId: string, cursor: ChainCursor | null): Promise<number | null> {
  const res = await client.query<Position>(
    `WITH unlinked AS (
       SELECT c.xid, c.id FROM audit_log c
       WHERE c.org_id = $1 AND ${cursorConditionSql('<=', cursor, 'c.')}
         AND NOT EXISTS (SELECT FROM audit_chain l WHERE l.org_id = c.org_id AND l.entry_xid = c.xid AND l.entry_id = c.id)
       ORDER BY c.xid, c.id LIMIT 1)
     SELECT (SELECT count(*)::int + 1 FROM audit_chain l
             WHERE l.org_id = $1 AND (l.entry_xid, l.entry_id) < (u.xid, u.id)) AS position
     FROM unlinked u`,
    [orgId],
  );
  return res.rows[0]?.position ?? null;
}

async function firstDuplicateLink(client: pg.ClientBase, orgId: string): Promise<number | null> {
  const res = await client.query<Position>(
    `SELECT min(seq)::int AS position FROM (
       SELECT seq, row_number() OVER (PARTITION BY entry_xid, entry_id ORDER BY seq) AS nth
       FROM audit_chain WHERE org_id = $1) l
     WHERE nth > 1`,
    [orgId],
  );
  return res.rows[0]?.position ?? null;
}

async function firstLinkBeyond(client: pg.ClientBase, orgId: string, cursor: ChainCursor | null): Promise<number | null> {
  const res = await client.query<Position>(
    `SELECT min(seq)::int AS position FROM audit_chain l WHERE l.org_id = $1 AND ${cursorConditionSql('>', cursor, 'l.entry_')}`,
    [orgId],
  );
  return res.rows[0]?.position ?? null;
}
