import { describe, expect, it } from 'vitest';
import { computeEntryHash } from '../audit-entry';
import { ChainVerifier, pointHolds, verifiedPointOf, verifyChain, withLinkFailure } from '../audit-verify';
import { buildChain, ORG } from './chain-fixtures';

const headOf = (chain: ReturnType<typeof buildChain>) => ({ seq: chain.at(-1)!.seq, hash: chain.at(-1)!.hash });

async function* asAsync<T>(items: T[]) {
  for (const i of items) yield i;
}

describe('verifyChain', () => {
  it('should accept the chain when it is intact', async () => {
    const chain = buildChain(50);
    const r = await verifyChain(asAsync(chain), headOf(chain));
    expect(r).toMatchObject({ valid: true, checked: 50, headSeq: 50, firstInvalidSeq: null, reason: null });
  });

  it('should accept an empty chain when no head is recorded', async () => {
    expect(await verifyChain([], null)).toMatchObject({ valid: true, checked: 0, headSeq: 0 });
  });

  it('should name the edited entry when a field was tampered with', async () => {
    const chain = buildChain(20);
    chain[11] = { ...chain[11]!, actorId: 'mallory' };
    const r = await verifyChain(chain, headOf(chain));
    expect(r).toMatchObject({ valid: false, firstInvalidSeq: 12, reason: 'hash_mismatch', checked: 11 });
  });

  it('should name the next entry when the edited entry was re-hashed', async () => {
    const chain = buildChain(20);
    const edited = { ...chain[11]!, details: { hidden: true } };
    edited.hash = computeEntryHash(edited.prevHash, edited);
    chain[11] = edited;
    const r = await verifyChain(chain, headOf(chain));
    expect(r).toMatchObject({ valid: false, firstInvalidSeq: 13, reason: 'broken_link' });
  });

  it('should name the removed seq when an entry was deleted', async () => {
    const chain = buildChain(20);
    chain.splice(6, 1);
    const r = await verifyChain(chain, headOf(chain));
    expect(r).toMatchObject({ valid: false, firstInvalidSeq: 7, reason: 'missing_entry' });
  });

  it('should name the inserted position when an entry was inserted and later ones renumbered', async () => {
    const chain = buildChain(10);
    const forged = { ...chain[4]!, action: 'forged' };
    const renumbered = [...chain.slice(0, 4), forged, ...chain.slice(4).map((e) => ({ ...e, seq: e.seq + 1 }))];
    const r = await verifyChain(renumbered, { seq: 11, hash: renumbered.at(-1)!.hash });
    expect(r).toMatchObject({ valid: false, firstInvalidSeq: 5, reason: 'hash_mismatch' });
  });

  it('should report an unexpected entry when an entry was inserted with a duplicate seq', async () => {
    const chain = buildChain(10);
    chain.splice(5, 0, { ...chain[4]! });
    const r = await verifyChain(chain, headOf(chain));
    expect(r).toMatchObject({ valid: false, firstInvalidSeq: 5, reason: 'unexpected_entry' });
  });

  it('should name the first swapped position when entries were reordered', async () => {
    const chain = buildChain(10);
    const swapped = [...chain];
    swapped[3] = { ...chain[4]!, seq: 4 };
    swapped[4] = { ...chain[3]!, seq: 5 };
    const r = await verifyChain(swapped, headOf(chain));
    expect(r).toMatchObject({ valid: false, firstInvalidSeq: 4, reason: 'broken_link' });
    const unsorted = [chain[0]!, chain[2]!, chain[1]!];
    expect(await verifyChain(unsorted)).toMatchObject({ valid: false, firstInvalidSeq: 2, reason: 'missing_entry' });
  });

  it('should report the truncated tail when the last entries were removed', async () => {
    const chain = buildChain(10);
    const head = headOf(chain);
    const r = await verifyChain(chain.slice(0, 7), head);
    expect(r).toMatchObject({ valid: false, firstInvalidSeq: 8, reason: 'tail_missing', checked: 7 });
    const all = await verifyChain([], head);
    expect(all).toMatchObject({ valid: false, firstInvalidSeq: 1, reason: 'tail_missing' });
  });

  it('should report entries past the head when entries were appended outside the chainer', async () => {
    const chain = buildChain(10);
    const r = await verifyChain(chain, { seq: 8, hash: chain[7]!.hash });
    expect(r).toMatchObject({ valid: false, firstInvalidSeq: 9, reason: 'tail_extra' });
  });

  it('should report a head mismatch when the last entry is not the recorded one', async () => {
    const chain = buildChain(10);
    const r = await verifyChain(chain, { seq: 10, hash: 'f'.repeat(64) });
    expect(r).toMatchObject({ valid: false, firstInvalidSeq: 10, reason: 'head_mismatch' });
  });

  it('should report a foreign entry when another org’s entry is in the chain', async () => {
    const chain = buildChain(3);
    chain[1] = { ...chain[1]!, orgId: '11111111-1111-4111-8111-111111111111' };
    expect(await verifyChain(chain)).toMatchObject({ valid: false, firstInvalidSeq: 2, reason: 'wrong_org' });
  });
});

describe('a walk from a verified point', () => {
  const pointAt = (chain: ReturnType<typeof buildChain>, seq: number) => ({ seq, hash: chain[seq - 1]!.hash });

  it('should accept the entries after the point and count those before it as held when they link to it', () => {
    const chain = buildChain(30);
    const verifier = new ChainVerifier(ORG, pointAt(chain, 20));
    for (const entry of chain.slice(20)) expect(verifier.push(entry)).toBe(true);
    expect(verifier.finish(headOf(chain))).toMatchObject({ valid: true, checked: 30, headSeq: 30, headHash: chain[29]!.hash });
  });

  it('should name an edited entry after the point, and the first entry after it when that one does not link', () => {
    const chain = buildChain(30);
    chain[24] = { ...chain[24]!, actorId: 'mallory' };
    const edited = new ChainVerifier(ORG, pointAt(chain, 20));
    for (const entry of chain.slice(20)) if (!edited.push(entry)) break;
    expect(edited.finish(headOf(chain))).toMatchObject({
      valid: false,
      firstInvalidSeq: 25,
      reason: 'hash_mismatch',
      headSeq: 24,
    });
    const wrongPoint = new ChainVerifier(ORG, { seq: 20, hash: 'a'.repeat(64) });
    expect(wrongPoint.push(chain[20]!)).toBe(false);
    expect(wrongPoint.finish(headOf(chain))).toMatchObject({ valid: false, firstInvalidSeq: 21, reason: 'broken_link' });
  });

  it("should refuse the point's own entry when its content, its hash or its seq changed", () => {
    const chain = buildChain(10);
    const point = pointAt(chain, 5);
    expect(pointHolds(chain[4]!, point)).toBe(true);
    expect(pointHolds({ ...chain[4]!, actorId: 'mallory' }, point)).toBe(false);
    expect(pointHolds({ ...chain[4]!, hash: 'b'.repeat(64) }, point)).toBe(false);
    expect(pointHolds(chain[5]!, point)).toBe(false);
  });

  it('should move the point to the last entry that holds, and drop it after a link failure', async () => {
    const chain = buildChain(10);
    const valid = await verifyChain(chain, headOf(chain));
    expect(verifiedPointOf(valid)).toEqual(pointAt(chain, 10));
    chain[6] = { ...chain[6]!, details: {} };
    const broken = await verifyChain(chain, headOf(chain));
    expect(verifiedPointOf(broken)).toEqual(pointAt(chain, 6));
    expect(verifiedPointOf(withLinkFailure(valid, { reason: 'unlinked_entry', position: 3 }))).toBeNull();
    expect(verifiedPointOf(await verifyChain([], null))).toBeNull();
  });
});
