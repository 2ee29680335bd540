import { createHash, hash as oneShotHash, hkdfSync, randomFillSync } from 'node:crypto';
import type { KeyRing } from './key-ring';

/**
 * Keyed MACs for records a database stores but must not be able to mint: HMAC-SHA256 over a fresh
 * random nonce followed by the record's bytes, truncated to 128 bits, under a key derived with
 * HKDF-SHA256 from each key of the key ring and a label naming the use (so a ring key, an AES key,
 * is never itself an HMAC key, and two uses never share one). Text form:
 * `<keyId>:<nonce>:<tag>` (base64url). The ring's current key signs; every key in the ring checks,
 * so a record signed before a rotation verifies for as long as its key stays in the ring.
 *
 * The nonce makes two records with the same bytes carry different tags, so a verbatim copy of a
 * record is recognisable by its repeated tag (TagIndex).
 */

export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;
const NONCE_CHARS = 16; // base64url of 12 bytes, no padding
const TAG_CHARS = 22; // base64url of 16 bytes, no padding
const BLOCK = 64; // SHA-256 block size

export type MacProblem = 'missing' | 'malformed' | 'unknown_key' | 'mismatch';

// SHA-256 as a string of one char per byte. crypto.hash (Node ≥ 20.12) is a one-shot digest
// without a Hash object per call.
const sha256Latin1: (data: Uint8Array) => string =
  typeof oneShotHash === 'function'
    ? (data) => oneShotHash('sha256', data, 'binary')
    : (data) => createHash('sha256').update(data).digest('binary');

/**
 * HMAC-SHA256 (RFC 2104) under one key, from two one-shot digests over buffers it reuses:
 * createHmac costs a new object and a key set-up per call, about twice the time for a record of a
 * few hundred bytes. Not re-entrant (one scratch buffer), which a synchronous call never needs.
 */
class HmacSha256 {
  private scratch: Buffer; // ipad key ‖ nonce ‖ message
  private readonly outer = Buffer.alloc(BLOCK + 32); // opad key ‖ inner digest

  constructor(key: Buffer) {
    if (key.length > BLOCK) throw new Error('HMAC key longer than a block');
    this.scratch = Buffer.alloc(4096);
    for (let i = 0; i < BLOCK; i++) {
      this.scratch[i] = (key[i] ?? 0) ^ 0x36;
      this.outer[i] = (key[i] ?? 0) ^ 0x5c;
    }
  }

  /** The digest of `nonce ‖ UTF-8(a) ‖ UTF-8(b)`, one char per byte. */
  digest(nonce: Uint8Array, a: string, b: string): string {
    const start = BLOCK + nonce.length;
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    if (this.scratch.length < start + 3 * (a.length + b.length)) this.grow(start + 3 * (a.length + b.length));
    this.scratch.set(nonce, BLOCK);
    let end = start + this.scratch.write(a, start, 'utf8');
    end += this.scratch.write(b, end, 'utf8');
    this.outer.write(sha256Latin1(this.scratch.subarray(0, end)), BLOCK, 'latin1');
    return sha256Latin1(this.outer);
  }

  private grow(size: number): void {
    const next = Buffer.alloc(2 ** Math.ceil(Math.log2(size)));
    this.scratch.copy(next, 0, 0, BLOCK);
    this.scratch = next;
  }
}

const BASE64URL = new Int8Array(128).fill(-1);
for (const [i, c] of [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'].entries())
  BASE64URL[c.charCodeAt(0)] = i;

/**
 * Decodes the unpadded base64url `text[from, to)` into `out`, which it must fill exactly; false for
 * any other character or length. In JS: two calls into Buffer.write and the slices they need cost
 * more than the MAC's own digest of the tag's bytes.
 */
function decodeBase64url(text: string, from: number, to: number, out: Uint8Array): boolean {
  if (Math.floor(((to - from) * 6) / 8) !== out.length) return false;
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? BASE64URL[c]! : -1;
    if (v < 0) return false;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return true;
}

/** Random nonces drawn from a block filled at once: a syscall per record would cost more than its MAC. */
class NoncePool {
  private readonly pool = Buffer.alloc(NONCE_BYTES * 256);
  private next = this.pool.length;

  take(): Buffer {
    if (this.next === this.pool.length) {
      randomFillSync(this.pool);
      this.next = 0;
    }
    const nonce = this.pool.subarray(this.next, this.next + NONCE_BYTES);
    this.next += NONCE_BYTES;
    return nonce;
  }
}

/**
 * Signs and checks records under the MAC keys one label derives from a key ring. A record is given
 * as two strings, MACed as their concatenation, so a caller holding a record in pieces never joins
 * them. Synchronous and not re-entrant: one instance per process is the intended use.
 */
export class RecordMac {
  private readonly keys = new Map<string, HmacSha256>();
  private readonly currentKeyId: string;
  private readonly nonces = new NoncePool();
  private readonly nonce = Buffer.alloc(NONCE_BYTES);
  /** The tag of the last record `check` accepted: what a caller remembers to spot a copy. */
  readonly lastTag = new Uint8Array(TAG_BYTES);

  constructor(ring: KeyRing, label: string) {
    for (const id of ring.ids()) {
      const derived = Buffer.from(hkdfSync('sha256', ring.key(id)!, Buffer.alloc(0), label, 32));
      this.keys.set(id, new HmacSha256(derived));
    }
    this.currentKeyId = ring.currentKeyId;
  }

  /** `<keyId>:<nonce>:<tag>` for the record `a ‖ b`, under the ring's current key and a fresh nonce. */
  sign(a: string, b = ''): string {
    const nonce = this.nonces.take();
    const digest = this.keys.get(this.currentKeyId)!.digest(nonce, a, b);
    const tag = Buffer.from(digest.slice(0, TAG_BYTES), 'latin1');
    return `${this.currentKeyId}:${nonce.toString('base64url')}:${tag.toString('base64url')}`;
  }

  /** Null when `mac` is a tag of the record `a ‖ b` under a key of the ring; else what is wrong. */
  check(mac: string | null | undefined, a: string, b = ''): MacProblem | null {
    if (mac == null) return 'missing';
    const first = mac.indexOf(':');
    const second = mac.indexOf(':', first + 1);
    if (first < 1 || second - first - 1 !== NONCE_CHARS || mac.length - second - 1 !== TAG_CHARS) return 'malformed';
    const key = this.keys.get(mac.slice(0, first));
    if (!key) return 'unknown_key';
    if (!decodeBase64url(mac, first + 1, second, this.nonce) || !decodeBase64url(mac, second + 1, mac.length, this.lastTag)) {
      return 'malformed';
    }
    const digest = key.digest(this.nonce, a, b);
    // Every byte compared whatever the first difference: the time taken says nothing of the tag.
    let diff = 0;
    for (let i = 0; i < TAG_BYTES; i++) diff |= digest.charCodeAt(i) ^ this.lastTag[i]!;
    return diff === 0 ? null : 'mismatch';
  }
}
