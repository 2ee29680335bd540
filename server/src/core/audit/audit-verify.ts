import {
  canonicalContent,
  computeEntryHash,
  entryHashOf,
  GENESIS_HASH,
  type CanonicalContent,
  type ChainedAuditEntry,
} from './audit-entry';

// Pure: walks one org's chain in seq order and names the first entry that does not hold.

export type ChainHead = { seq: number; hash: string };

export type ChainFailure =
  | 'hash_mismatch' // the entry's content no longer produces its hash: it was edited
  | 'broken_link' // prev_hash is not the previous entry's hash: an entry was replaced or inserted
  | 'missing_entry' // a seq is skipped: the entry at firstInvalidSeq was removed
  | 'unexpected_entry' // a seq repeats or goes back: an entry was inserted or reordered
  | 'wrong_org' // an entry of another org is in this chain
  | 'forged_entry' // the entry's MAC is missing, malformed, under a key not in the ring, or wrong: not written by a writer
  | 'replayed_entry' // the entry's MAC repeats an earlier entry's: a genuine entry inserted again
  | 'tail_missing' // the chain ends before the chainer's recorded head: tail entries removed
  | 'tail_extra' // the chain runs past the recorded head: entries appended outside the chainer
  | 'head_mismatch' // the last entry is not the one the chainer recorded
  | 'unlinked_entry' // an entry below the chainer's cursor has no link: inserted outside the chainer
  | 'duplicate_link' // a second link to an entry already in the chain
  | 'cursor_behind'; // a link to an entry above the chainer's recorded cursor: the cursor was moved back

export type ChainVerification = {
  valid: boolean;
  /** Entries found to hold: those read, plus those up to the point a walk started from. */
  checked: number;
  /** seq of the last entry that holds (0 for none). */
  headSeq: number;
  /** hash of that entry (the genesis hash for none). */
  headHash: string;
  firstInvalidSeq: number | null;
  reason: ChainFailure | null;
  message: string | null;
};

type Fail = { seq: number; reason: ChainFailure; message: string };

export type MacFailure = { reason: 'forged_entry' | 'replayed_entry'; message: string };

/**
 * The MAC check of one walk (AuditEntryMac.walk): given each entry whose link holds, in chain order,
 * with its canonical pieces, says whether its writer's MAC does. Stateful: it remembers the tags it
 * accepted (the walk stops at the first entry that does not hold, so that is the last it sees).
 */
export type EntryMacCheck = { check(entry: ChainedAuditEntry, content: CanonicalContent): MacFailure | null };

function checkEntry(
  entry: ChainedAuditEntry,
  orgId: string,
  prevSeq: number,
  prevHash: string,
  macs: EntryMacCheck | undefined,
): Fail | null {
  const expected = prevSeq + 1;
  if (entry.orgId !== orgId) {
    return { seq: entry.seq, reason: 'wrong_org', message: `entry ${entry.seq} belongs to org ${entry.orgId}` };
  }
  if (entry.seq > expected) {
    return { seq: expected, reason: 'missing_entry', message: `entry ${expected} is missing (next is ${entry.seq})` };
  }
  if (entry.seq < expected) {
    return { seq: entry.seq, reason: 'unexpected_entry', message: `entry ${entry.seq} appears after entry ${prevSeq}` };
  }
  if (entry.prevHash !== prevHash) {
    return { seq: entry.seq, reason: 'broken_link', message: `entry ${entry.seq} does not link to entry ${prevSeq}` };
  }
  // One canonicalization serves the MAC (without seq) and the hash (with). The MAC goes first: its
  // pass over the content flattens the string, which the hash then reads as one piece (measured:
  // 0.4 µs an entry). A hash that does not hold is still what is reported.
  const content = canonicalContent(entry);
  const forged = macs?.check(entry, content);
  if (entryHashOf(prevHash, content, entry.seq) !== entry.hash) {
    return { seq: entry.seq, reason: 'hash_mismatch', message: `entry ${entry.seq} does not match its hash` };
  }
  return forged ? { seq: entry.seq, ...forged } : null;
}

function checkTail(lastSeq: number, lastHash: string, head: ChainHead | null | undefined): Fail | null {
  if (head === undefined) return null;
  const recorded = head ?? { seq: 0, hash: GENESIS_HASH };
  if (lastSeq < recorded.seq) {
    return { seq: lastSeq + 1, reason: 'tail_missing', message: `entries ${lastSeq + 1}..${recorded.seq} are missing` };
  }
  if (lastSeq > recorded.seq) {
    return { seq: recorded.seq + 1, reason: 'tail_extra', message: `entries after ${recorded.seq} were not chained` };
  }
  if (lastHash !== recorded.hash) {
    return { seq: lastSeq, reason: 'head_mismatch', message: `entry ${lastSeq} is not the recorded head` };
  }
  return null;
}

/**
 * The walk, one entry at a time: `push` each entry in the store's seq order, then `finish` with
 * the chainer's head record. Stateful but pure; verifyChain is the iterable form.
 */
export class ChainVerifier {
  private prevSeq = 0;
  private prevHash = GENESIS_HASH;
  private checked = 0;
  private failure: Fail | null = null;

  /**
   * `from`: a point already verified; the walk then starts with the entry after it. `macs`: the
   * walk's MAC check; without one only the chain is checked (every walk of the database has one).
   */
  constructor(
    private orgId?: string,
    from?: ChainHead,
    private readonly macs?: EntryMacCheck,
  ) {
    if (from) ({ seq: this.prevSeq, hash: this.prevHash } = from);
    this.checked = this.prevSeq;
  }

  /** False once an entry does not hold: the walk stops there. */
  push(entry: ChainedAuditEntry): boolean {
    if (this.failure) return false;
    this.orgId ??= entry.orgId;
    this.failure = checkEntry(entry, this.orgId, this.prevSeq, this.prevHash, this.macs);
    if (this.failure) return false;
    this.prevSeq = entry.seq;
    this.prevHash = entry.hash;
    this.checked += 1;
    return true;
  }

  /** `expectedHead`: null when no head is recorded (the chain must be empty); undefined skips the tail check. */
  finish(expectedHead?: ChainHead | null): ChainVerification {
    const fail = this.failure ?? checkTail(this.prevSeq, this.prevHash, expectedHead);
    return {
      valid: fail === null,
      checked: this.checked,
      headSeq: this.prevSeq,
      headHash: this.prevHash,
      firstInvalidSeq: fail?.seq ?? null,
      reason: fail?.reason ?? null,
      message: fail?.message ?? null,
    };
  }
}

/**
 * Verifies one org's entries, which must come in the order the store returns by seq. The org is
 * the first entry's unless given. `expectedHead` is the chainer's record (null: no head recorded,
 * the chain must be empty; undefined: tail not checked).
 */
export async function verifyChain(
  rows: AsyncIterable<ChainedAuditEntry> | Iterable<ChainedAuditEntry>,
  expectedHead?: ChainHead | null,
  orgId?: string,
  macs?: EntryMacCheck,
): Promise<ChainVerification> {
  const verifier = new ChainVerifier(orgId, undefined, macs);
  for await (const entry of rows) {
    if (!verifier.push(entry)) break;
  }
  return verifier.finish(expectedHead);
}

export type LinkFailure = { reason: 'unlinked_entry' | 'duplicate_link' | 'cursor_behind'; position: number };

const LINK_FAILURE_MESSAGES: Record<LinkFailure['reason'], (position: number) => string> = {
  unlinked_entry: (p) => `an entry before entry ${p} was never chained (inserted outside the chainer)`,
  duplicate_link: (p) => `entry ${p} links an entry already chained`,
  cursor_behind: (p) => `entry ${p} is linked beyond the chainer's recorded cursor`,
};

/**
 * A chain that held, overturned by what the org's content says of its links: an entry below the
 * chainer's cursor with no link (inserted behind the chainer, between links `position - 1` and
 * `position`), a second link to one entry (at `position`), or a link beyond the recorded cursor.
 */
export function withLinkFailure(result: ChainVerification, failure: LinkFailure): ChainVerification {
  return {
    ...result,
    valid: false,
    firstInvalidSeq: failure.position,
    reason: failure.reason,
    message: LINK_FAILURE_MESSAGES[failure.reason](failure.position),
  };
}

/**
 * A walk that starts after a verified point re-checks the point's own entry first: it is still at
 * its seq with the hash that was verified, and its content still produces that hash. An edit to it,
 * or to its link, is seen; an edit to an entry before it is not (README.md, "Chain status").
 */
export function pointHolds(entry: ChainedAuditEntry, point: ChainHead): boolean {
  return entry.seq === point.seq && entry.hash === point.hash && computeEntryHash(entry.prevHash, entry) === entry.hash;
}

/**
 * Where a later walk may start after this one: the last entry that holds. None after a link
 * failure (the entries hold, their links to content do not: only a full walk names it again), nor
 * after a replayed entry (the copy holds on its own; only a walk that also reads the entry it
 * copies names it again), nor before the first entry.
 */
export function verifiedPointOf(result: ChainVerification): ChainHead | null {
  switch (result.reason) {
    case 'unlinked_entry':
    case 'duplicate_link':
    case 'cursor_behind':
    case 'replayed_entry':
      return null;
    default:
      break;
  }
  return result.headSeq > 0 ? { seq: result.headSeq, hash: result.headHash } : null;
}
