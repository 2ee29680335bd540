import { hash, randomBytes } from 'node:crypto';
import { parseKeyRing } from '@vigil/server/lib/crypto/key-ring';
import { RecordMac } from '@vigil/server/lib/crypto/entry-mac';
import { withRawClient } from '@vigil/server/lib/db/raw-client';
import type { createOrm } from '@vigil/server/lib/db/orm';
import { inVerifySnapshot, readChain } from '@vigil/server/core/audit/audit-chain-reader';
import { canonicalContent } from '@vigil/server/core/audit/audit-entry';
import type { AuditEntryMac } from '@vigil/server/core/audit/audit-entry-mac';
import { withAdmin, type BenchDatabase } from './databases';

// After (iii): the entries pgbench wrote get their writer's MAC, and the verification is set
// against what verifying the same entries costs at the least: the same canonical bytes, already
// in memory, through SHA-256 alone, and through SHA-256 and the MAC check.

type Orm = Awaited<ReturnType<typeof createOrm>>;

/** Entries whose bytes the ceilings hash: enough for a steady rate, bounded memory. */
const SAMPLE = 200_000;
const WRITE_CHUNK = 50_000;

export type SignedChain = {
  entries: number;
  /** Per sampled entry: prev_hash ‖ canonical JSON with seq, as UTF-8 (what the chain hash covers). */
  hashed: Buffer[];
  /** Per sampled entry: the canonical JSON without seq (what the MAC covers), one flat string. */
  content: string[];
};

export type VerifyCeilings = {
  sample: number;
  /** SHA-256 over each entry's hashed bytes (node:crypto), entries/s. */
  sha256PerSec: number;
  /** The same plus the MAC check over each entry's content (HMAC-SHA256), entries/s. */
  sha256MacPerSec: number;
  /** A writer's cost to sign one entry (AuditEntryMac.sign on its canonical content), µs. */
  macSignUs: number;
};

/**
 * pgbench cannot compute a MAC per row, so (iii) inserted a MAC of another record. Here each entry
 * gets its own, computed from its canonical content as its writer computes it, and written into
 * audit_log as a superuser can (in this throwaway database, with the append-only trigger off);
 * CLUSTER then lays the table out in chain order again, as the writers left it. Returns the
 * sample of canonical bytes the ceilings use.
 */
export async function signChain(db: BenchDatabase, orm: Orm, mac: AuditEntryMac, orgId: string): Promise<SignedChain> {
  const seqs: number[] = [];
  const macs: string[] = [];
  const signed: SignedChain = { entries: 0, hashed: [], content: [] };
  await withRawClient(orm, (client) =>
    inVerifySnapshot(client, async () => {
      for await (const batch of readChain(client, orgId)) {
        for (const entry of batch) {
          const { head, tail } = canonicalContent(entry);
          seqs.push(entry.seq);
          macs.push(mac.sign(head, tail));
          if (signed.hashed.length < SAMPLE) {
            signed.hashed.push(Buffer.from(`${entry.prevHash}${head},"seq":${entry.seq}${tail}`));
            signed.content.push(Buffer.from(head + tail).toString());
          }
        }
      }
    }),
  );
  signed.entries = seqs.length;
  await withAdmin(db, async (c) => {
    for (let i = 0; i < seqs.length; i += WRITE_CHUNK) {
      await c.query('BEGIN; SET LOCAL session_replication_role = replica');
      await c.query(
        `UPDATE audit_log c SET mac = r.mac
         FROM unnest($2::bigint[], $3::text[]) AS r(seq, mac)
         JOIN audit_chain l ON l.org_id = $1 AND l.seq = r.seq
         WHERE c.xid = l.entry_xid AND c.id = l.entry_id`,
        [orgId, seqs.slice(i, i + WRITE_CHUNK), macs.slice(i, i + WRITE_CHUNK)],
      );
      await c.query('COMMIT');
    }
    await c.query('CLUSTER audit_log USING audit_log_pkey');
    await c.query('ANALYZE audit_log');
  });
  return signed;
}

/** Entries per second of `work` over the sample, the best of three passes. */
function rate(n: number, work: (i: number) => void): number {
  let best = Infinity;
  for (let pass = 0; pass < 3; pass++) {
    const started = performance.now();
    for (let i = 0; i < n; i++) work(i);
    best = Math.min(best, performance.now() - started);
  }
  return n / (best / 1000);
}

export function measureCeilings(signed: SignedChain, mac: AuditEntryMac): VerifyCeilings {
  const n = signed.hashed.length;
  const { hashed, content } = signed;
  // The MAC primitive the verifier uses, under a key of its own: the check alone, no tag memory.
  const raw = new RecordMac(parseKeyRing(`c1:${randomBytes(32).toString('base64')}`), 'bench ceiling v1');
  const tags = content.map((c) => raw.sign(c));
  let sink = 0;
  const sha256PerSec = rate(n, (i) => {
    sink += hash('sha256', hashed[i]!, 'hex').length;
  });
  const sha256MacPerSec = rate(n, (i) => {
    sink += hash('sha256', hashed[i]!, 'hex').length;
    if (raw.check(tags[i], content[i]!) !== null) throw new Error('ceiling: a MAC did not verify');
  });
  const signPerSec = rate(n, (i) => {
    sink += mac.sign(content[i]!, '').length;
  });
  if (sink === 0) throw new Error('ceiling: nothing was hashed');
  return { sample: n, sha256PerSec, sha256MacPerSec, macSignUs: 1e6 / signPerSec };
}
