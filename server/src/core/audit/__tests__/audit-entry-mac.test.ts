import { randomBytes } from 'node:crypto';
import canonicalize from 'canonicalize';
import { describe, expect, it } from 'vitest';
import { parseKeyRing } from '@/lib/crypto/key-ring';
import {
  canonicalContent,
  computeEntryHash,
  entryHashOf,
  GENESIS_HASH,
  hashedObject,
  signedRecordsJson,
  storedCanonicalContent,
  type AuditEntryInput,
  type ChainedAuditEntry,
} from '../audit-entry';
import { AuditEntryMac } from '../audit-entry-mac';
import { verifiedPointOf, verifyChain } from '../audit-verify';
import { entryBody, ORG } from './chain-fixtures';

const key = () => randomBytes(32).toString('base64');

function input(i: number, overrides: Partial<AuditEntryInput> = {}): AuditEntryInput {
  const { seq: _seq, at, ...body } = entryBody(i);
  return { ...body, at: new Date(at), ...overrides };
}

type StoredRecord = Record<string, unknown> & { details: Record<string, unknown>; mac: string };

/**
 * What a writer sends, read back as the verifier reads it (JSON in, the same values out; the
 * integration tests do this through PostgreSQL), then linked as the chainer links it.
 */
function chainOf(records: StoredRecord[]): ChainedAuditEntry[] {
  let prevHash = GENESIS_HASH;
  return records.map((r, i) => {
    const entry: ChainedAuditEntry = {
      orgId: r.org_id as string,
      seq: i + 1,
      at: r.at as string,
      actorType: r.actor_type as ChainedAuditEntry['actorType'],
      actorId: r.actor_id as string | null,
      actorRole: r.actor_role as string | null,
      systemSource: r.system_source as string | null,
      action: r.action as string,
      resourceType: r.resource_type as string | null,
      resourceId: r.resource_id as string | null,
      dealId: r.deal_id as string | null,
      ipAddress: r.ip_address as string | null,
      outcome: r.outcome as ChainedAuditEntry['outcome'],
      details: r.details,
      prevHash,
      hash: '',
      mac: r.mac ?? null,
    };
    entry.hash = computeEntryHash(prevHash, entry);
    prevHash = entry.hash;
    return entry;
  });
}

const recordsOf = (inputs: AuditEntryInput[], mac: AuditEntryMac) => JSON.parse(signedRecordsJson(inputs, mac)) as StoredRecord[];
const written = (n: number, mac: AuditEntryMac) =>
  recordsOf(
    Array.from({ length: n }, (_, i) => input(i + 1)),
    mac,
  );
const headOf = (chain: ChainedAuditEntry[]) => ({ seq: chain.at(-1)!.seq, hash: chain.at(-1)!.hash });

describe('entry content: what a writer MACs and what the chain hashes', () => {
  it('should cut the canonical JSON around seq, so both forms come from one canonicalization', () => {
    for (const e of [
      entryBody(1),
      entryBody(2, { details: {}, actorId: null }),
      entryBody(77, { details: { z: [1e21, -0, 'é'] } }),
    ]) {
      const { head, tail } = canonicalContent(e);
      const { seq: _seq, ...content } = hashedObject(e);
      expect(head + tail).toBe(canonicalize(content));
      expect(entryHashOf(GENESIS_HASH, { head, tail }, e.seq)).toBe(computeEntryHash(GENESIS_HASH, e));
    }
  });

  it('should MAC the values as they will be stored when a writer sends NUL, lone surrogates or NaN', () => {
    const odd = input(1, {
      resourceId: 'a\u0000b',
      actorId: 'x\ud800y',
      details: { k: 'x\udc00', n: Number.NaN, inf: [Infinity], date: new Date(0), skip: undefined },
    });
    const [stored] = recordsOf([odd], new AuditEntryMac(parseKeyRing(`k1:${key()}`)));
    expect(stored).toMatchObject({ resource_id: 'a\uFFFDb', actor_id: 'x\uFFFDy' });
    expect(stored!.details).toEqual({ k: 'x\uFFFD', n: null, inf: [null], date: '1970-01-01T00:00:00.000Z' });
    const { head, tail } = storedCanonicalContent(odd);
    const { mac: _mac, ...content } = stored!;
    expect(head + tail).toBe(canonicalize(content));
  });
});

describe('verifying entry MACs', () => {
  const ring = parseKeyRing(`k1:${key()}`);
  const mac = new AuditEntryMac(ring);

  it('should accept a chain of signed entries', async () => {
    const chain = chainOf(written(30, mac));
    expect(await verifyChain(chain, headOf(chain), ORG, mac.walk(0))).toMatchObject({ valid: true, checked: 30 });
  });

  it('should name an entry inserted with no MAC, a made-up MAC or a MAC of another entry', async () => {
    const made = `k1:${randomBytes(12).toString('base64url')}:${randomBytes(16).toString('base64url')}`;
    for (const [forgedMac, why] of [
      [null, 'it has no mac'],
      [made, 'mac does not verify'],
      ['k1:not-a-mac', 'its mac is malformed'],
      ['k7:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA', "its mac's key is not in the key ring"],
    ] as const) {
      const records = written(10, mac);
      records.splice(6, 0, { ...records[2]!, action: 'forged.entry', mac: forgedMac as string });
      const chain = chainOf(records);
      expect(await verifyChain(chain, headOf(chain), ORG, mac.walk(0))).toMatchObject({
        valid: false,
        firstInvalidSeq: 7,
        reason: 'forged_entry',
        message: `entry 7 is forged: ${why}`,
        checked: 6,
      });
    }
    const copiedMac = written(10, mac);
    copiedMac.splice(4, 0, { ...copiedMac[1]!, action: 'forged.entry' });
    const chain = chainOf(copiedMac);
    expect(await verifyChain(chain, headOf(chain), ORG, mac.walk(0))).toMatchObject({
      firstInvalidSeq: 5,
      reason: 'forged_entry',
    });
  });

  it('should name the second position when a genuine entry was inserted again verbatim', async () => {
    const records = written(10, mac);
    records.splice(8, 0, { ...records[3]! });
    const chain = chainOf(records);
    const result = await verifyChain(chain, headOf(chain), ORG, mac.walk(0));
    expect(result).toMatchObject({
      valid: false,
      firstInvalidSeq: 9,
      reason: 'replayed_entry',
      message: 'entry 9 is a copy of entry 4: its mac repeats',
      headSeq: 8,
    });
    // The copy holds on its own: a later walk must start before the entry it copies.
    expect(verifiedPointOf(result)).toBeNull();
  });

  it('should accept MAC-less entries up to the verified start only', async () => {
    const records = written(6, mac).map((r, i) => (i < 4 ? { ...r, mac: null as unknown as string } : r));
    const chain = chainOf(records);
    expect(await verifyChain(chain, headOf(chain), ORG, mac.walk(4))).toMatchObject({ valid: true, checked: 6 });
    expect(await verifyChain(chain, headOf(chain), ORG, mac.walk(3))).toMatchObject({
      firstInvalidSeq: 4,
      reason: 'forged_entry',
      message: 'entry 4 is forged: it has no mac',
    });
    expect(await verifyChain(chain, headOf(chain), ORG, mac.walk(0))).toMatchObject({
      firstInvalidSeq: 1,
      reason: 'forged_entry',
    });
    // A signed entry before the start is still checked.
    const edited = chainOf(records.map((r, i) => (i === 1 ? { ...r, mac: records[5]!.mac } : r)));
    expect(await verifyChain(edited, headOf(edited), ORG, mac.walk(4))).toMatchObject({
      firstInvalidSeq: 2,
      reason: 'forged_entry',
    });
  });

  it('should still name an edited entry by its hash first', async () => {
    const chain = chainOf(written(10, mac));
    chain[4] = { ...chain[4]!, actorId: 'mallory' };
    expect(await verifyChain(chain, headOf(chain), ORG, mac.walk(0))).toMatchObject({
      firstInvalidSeq: 5,
      reason: 'hash_mismatch',
    });
  });

  it('should verify entries signed before a rotation while their key is in the ring, and refuse them once it is removed', async () => {
    const [k1, k2] = [key(), key()];
    const before = chainOf(written(5, new AuditEntryMac(parseKeyRing(`k1:${k1}`))));
    const rotated = new AuditEntryMac(parseKeyRing(`k1:${k1},k2:${k2}`));
    const after = chainOf([...written(5, new AuditEntryMac(parseKeyRing(`k1:${k1}`))), ...written(5, rotated)]);
    expect(after[7]!.mac).toMatch(/^k2:/);
    expect(await verifyChain(before, headOf(before), ORG, rotated.walk(0))).toMatchObject({ valid: true });
    expect(await verifyChain(after, headOf(after), ORG, rotated.walk(0))).toMatchObject({ valid: true, checked: 10 });
    const retired = new AuditEntryMac(parseKeyRing(`k2:${k2}`));
    expect(await verifyChain(after, headOf(after), ORG, retired.walk(0))).toMatchObject({
      firstInvalidSeq: 1,
      message: "entry 1 is forged: its mac's key is not in the key ring",
    });
  });

  it("should hold a MAC start only for its org, seq and hash, under the ring's keys", () => {
    const hash = 'a'.repeat(64);
    const sealed = mac.startMac(ORG, 42, hash);
    expect(mac.startHolds(sealed, ORG, 42, hash)).toBe(true);
    expect(mac.startHolds(sealed, ORG, 43, hash)).toBe(false);
    expect(mac.startHolds(sealed, ORG, 42, 'b'.repeat(64))).toBe(false);
    expect(mac.startHolds(sealed, '11111111-1111-4111-8111-111111111111', 42, hash)).toBe(false);
    expect(mac.startHolds(null, ORG, 42, hash)).toBe(false);
    expect(new AuditEntryMac(parseKeyRing(`k1:${key()}`)).startHolds(sealed, ORG, 42, hash)).toBe(false);
    // Not interchangeable with an entry's MAC.
    expect(
      mac.walk(0).check({ ...entryBody(1), prevHash: '', hash: '', mac: sealed }, { head: `${ORG}:42:${hash}`, tail: '' }),
    ).toMatchObject({
      reason: 'forged_entry',
    });
  });
});
