import { RecordMac, type MacProblem } from '@/lib/crypto/entry-mac';
import type { KeyRing } from '@/lib/crypto/key-ring';
import { TagIndex } from '@/lib/crypto/tag-index';
import type { CanonicalContent, ChainedAuditEntry, EntrySigner } from './audit-entry';
import type { EntryMacCheck, MacFailure } from './audit-verify';

// Each entry is bound to its writer by a MAC under a key the database never holds (README.md,
// "Entry MACs"): a superuser can insert rows, and the chainer links them, but not sign them.

// HKDF labels: one key per use and per ring key, never a ring key itself.
const ENTRY_LABEL = 'vigil audit-entry mac v1';
const START_LABEL = 'vigil audit-mac-start v1';

const PROBLEMS: Record<MacProblem, string> = {
  missing: 'it has no mac',
  malformed: 'its mac is malformed',
  unknown_key: "its mac's key is not in the key ring",
  mismatch: 'mac does not verify',
};

/**
 * Signs the entries writers append and checks them when a chain is walked, under MAC keys derived
 * from the key ring (the current key signs, every key checks). One per process, in CoreDeps.
 */
export class AuditEntryMac implements EntrySigner {
  private readonly entries: RecordMac;
  private readonly starts: RecordMac;

  constructor(ring: KeyRing) {
    this.entries = new RecordMac(ring, ENTRY_LABEL);
    this.starts = new RecordMac(ring, START_LABEL);
  }

  /** The MAC text of an entry whose canonical content without seq is `head ‖ tail`. */
  sign(head: string, tail: string): string {
    return this.entries.sign(head, tail);
  }

  /**
   * The MAC check of one walk of one org's chain. `start`: the org's verified MAC start, the last
   * seq at which an entry from before migration 0012 may have no MAC (0: none may). `expected`:
   * about how many entries the walk reads, to size its memory of tags once.
   */
  walk(start: number, expected?: number): EntryMacCheck {
    return new EntryMacWalk(this.entries, start, expected);
  }

  /** The MAC of an org's MAC start: the seq and hash its chain had reached when MACs began. */
  startMac(orgId: string, seq: number, hash: string): string {
    return this.starts.sign(startRecord(orgId, seq, hash));
  }

  startHolds(mac: string | null, orgId: string, seq: number, hash: string): boolean {
    return this.starts.check(mac, startRecord(orgId, seq, hash)) === null;
  }
}

const startRecord = (orgId: string, seq: number, hash: string) => `${orgId}:${seq}:${hash}`;

/**
 * Checks each entry's MAC in chain order and remembers every tag: an entry whose tag was seen
 * before in this walk is a copy of that entry (a genuine row inserted again), whatever its MAC says.
 */
class EntryMacWalk implements EntryMacCheck {
  private readonly seen: TagIndex;

  constructor(
    private readonly mac: RecordMac,
    private readonly start: number,
    expected?: number,
  ) {
    this.seen = new TagIndex(expected);
  }

  check(entry: ChainedAuditEntry, content: CanonicalContent): MacFailure | null {
    if (entry.mac == null && entry.seq <= this.start) return null;
    const problem = this.mac.check(entry.mac, content.head, content.tail);
    if (problem) return { reason: 'forged_entry', message: `entry ${entry.seq} is forged: ${PROBLEMS[problem]}` };
    const first = this.seen.add(this.mac.lastTag, entry.seq);
    if (first === null) return null;
    return { reason: 'replayed_entry', message: `entry ${entry.seq} is a copy of entry ${first}: its mac repeats` };
  }
}
