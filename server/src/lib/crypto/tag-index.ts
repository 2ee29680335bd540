import { TAG_BYTES } from './entry-mac';

const WORDS = TAG_BYTES / 4;
// 2M slots (50 MB) at most up front, whatever a caller expects: an expectation read from the
// database (a chain head a superuser rewrote) must not allocate unbounded memory.
const MAX_INITIAL_SLOTS = 1 << 21;

/**
 * Which position first carried each 128-bit tag, for spotting a repeated tag among millions: open
 * addressing over typed arrays (25 bytes a slot, at most 3/4 of the slots used: about 50 MB per
 * million tags), no object or string per tag. Exact: whole tags are compared. The tags are outputs
 * of a MAC that verified, so their first word is already a uniform hash nobody can aim.
 */
export class TagIndex {
  private words: Uint32Array;
  private positions: Float64Array;
  private used: Uint8Array;
  private count = 0;
  private readonly scratch = new Uint32Array(WORDS);

  /** `expected`: how many tags to make room for at once (a hint, capped: the index grows as needed). */
  constructor(expected = 1024) {
    const wanted = Number.isFinite(expected) ? expected * 2 : 0;
    const slots = 2 ** Math.ceil(Math.log2(Math.min(MAX_INITIAL_SLOTS, Math.max(16, wanted))));
    this.words = new Uint32Array(slots * WORDS);
    this.positions = new Float64Array(slots);
    this.used = new Uint8Array(slots);
  }

  get size(): number {
    return this.count;
  }

  /** Records `tag` at `position`; when the tag was recorded before, returns that first position instead. */
  add(tag: Uint8Array, position: number): number | null {
    const w = this.scratch;
    for (let i = 0; i < WORDS; i++)
      w[i] = tag[4 * i]! | (tag[4 * i + 1]! << 8) | (tag[4 * i + 2]! << 16) | (tag[4 * i + 3]! << 24);
    return this.insert(w, position);
  }

  private insert(w: Uint32Array, position: number): number | null {
    const mask = this.used.length - 1;
    for (let slot = w[0]! & mask; ; slot = (slot + 1) & mask) {
      if (!this.used[slot]) {
        this.used[slot] = 1;
        this.words.set(w, slot * WORDS);
        this.positions[slot] = position;
        if (++this.count * 4 > this.used.length * 3) this.grow();
        return null;
      }
      const at = slot * WORDS;
      if (this.words[at] === w[0] && this.words[at + 1] === w[1] && this.words[at + 2] === w[2] && this.words[at + 3] === w[3]) {
        return this.positions[slot]!;
      }
    }
  }

  private grow(): void {
    const { words, positions, used } = this;
    this.words = new Uint32Array(words.length * 2);
    this.positions = new Float64Array(positions.length * 2);
    this.used = new Uint8Array(used.length * 2);
    this.count = 0;
    for (let slot = 0; slot < used.length; slot++) {
      if (used[slot]) this.insert(words.subarray(slot * WORDS, (slot + 1) * WORDS), positions[slot]!);
    }
  }
}
