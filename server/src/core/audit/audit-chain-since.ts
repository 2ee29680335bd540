import type pg from 'pg';
import { inVerifySnapshot, readHead, walkChain, walkWholeChain, type OrgChainVerification } from './audit-chain-reader';
import type { AuditEntryMac } from './audit-entry-mac';
import { linksSinceMatch } from './audit-link-check';
import { macCheckOf } from './audit-mac-start';
import { readVerifiedPoint } from './audit-verified-point';
import type { ChainHead } from './audit-verify';

// Verifies one org's chain from its last verified point (README.md, "Chain status").

export type ChainVerificationSince = OrgChainVerification & {
  /** The verified point the walk started from; null when the org had none. */
  from: ChainHead | null;
  /** Whether the whole chain was walked (no point, or the walk from it could not vouch). */
  whole: boolean;
  /** Entries read by this verification: what it cost. */
  walked: number;
};

/**
 * In one snapshot: re-checks the point's own entry, walks the entries after it and the tail, and
 * counts the content since the point against the links walked. A failure after the point is
 * reported as the walk found it; when the point's entry no longer holds, or the content and the
 * links since the point disagree, the whole chain is walked instead, which names the first
 * failure exactly as the full verification does.
 */
export async function verifyOrgChainSinceOnClient(
  client: pg.ClientBase,
  mac: AuditEntryMac,
  orgId: string,
): Promise<ChainVerificationSince> {
  const started = performance.now();
  const { walk, from, whole, walked } = await inVerifySnapshot(client, async () => {
    const head = await readHead(client, orgId);
    const point = await readVerifiedPoint(client, orgId);
    let read = 0;
    if (point) {
      const macs = await macCheckOf(client, orgId, mac, head ? head.seq - point.seq : undefined);
      const since = await walkChain(client, orgId, point, head, macs);
      read = since?.walked ?? 0;
      if (since && (!since.result.valid || (await linksSinceMatch(client, orgId, point.seq, since.result.headSeq - point.seq)))) {
        return { walk: since, from: point, whole: false, walked: read };
      }
    }
    const all = await walkWholeChain(client, orgId, head, mac);
    return { walk: all, from: point, whole: true, walked: read + all.walked };
  });
  return { ...walk.result, orgId, elapsedMs: performance.now() - started, from, whole, walked };
}
