import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { NONCE_BYTES, RecordMac, TAG_BYTES } from '../entry-mac';
import { parseKeyRing } from '../key-ring';
import { TagIndex } from '../tag-index';

const LABEL = 'test record mac v1';
const key = () => randomBytes(32).toString('base64');
const record = '{"action":"holdings.read","at":"2026-01-01T00:00:00.000Z","details":{"é":"😀"}';
const rest = ',"system_source":null}';

/** The MAC text with one field replaced. */
const withField = (mac: string, i: number, value: string) =>
  mac
    .split(':')
    .map((f, j) => (j === i ? value : f))
    .join(':');

describe('RecordMac (HMAC-SHA256 under HKDF-derived keys)', () => {
  const ring = parseKeyRing(`k1:${key()}`);
  const mac = new RecordMac(ring, LABEL);

  it('should verify its own tag when the record is unchanged', () => {
    const signed = mac.sign(record, rest);
    expect(signed).toMatch(/^k1:[\w-]{16}:[\w-]{22}$/);
    expect(mac.check(signed, record, rest)).toBeNull();
    // The record is the concatenation of its pieces, however it is cut.
    expect(mac.check(signed, record + rest)).toBeNull();
    expect(mac.check(signed, record.slice(0, 9), record.slice(9) + rest)).toBeNull();
  });

  it('should compute HMAC-SHA256 over nonce ‖ UTF-8 bytes with the HKDF-derived key, truncated to 128 bits', () => {
    const signed = mac.sign(record, rest);
    const [, nonce, tag] = signed.split(':') as [string, string, string];
    const derived = Buffer.from(hkdfSync('sha256', ring.key('k1')!, Buffer.alloc(0), LABEL, 32));
    const expected = createHmac('sha256', derived)
      .update(Buffer.from(nonce, 'base64url'))
      .update(record + rest, 'utf8')
      .digest()
      .subarray(0, TAG_BYTES);
    expect(Buffer.from(tag, 'base64url')).toEqual(expected);
    expect(Buffer.from(nonce, 'base64url')).toHaveLength(NONCE_BYTES);
    // Never the ring key itself.
    const underRingKey = createHmac('sha256', ring.key('k1')!)
      .update(Buffer.from(nonce, 'base64url'))
      .update(record + rest);
    expect(Buffer.from(tag, 'base64url')).not.toEqual(underRingKey.digest().subarray(0, TAG_BYTES));
  });

  it('should give two tags for the same record, each with its own nonce', () => {
    const a = mac.sign(record, rest);
    const b = mac.sign(record, rest);
    expect(a.split(':')[1]).not.toBe(b.split(':')[1]);
    expect(a.split(':')[2]).not.toBe(b.split(':')[2]);
  });

  it('should refuse the tag when any character of the record changed', () => {
    const signed = mac.sign(record, rest);
    expect(mac.check(signed, record.replace('holdings', 'Holdings'), rest)).toBe('mismatch');
    expect(mac.check(signed, record, rest.replace('null', '"x"'))).toBe('mismatch');
    expect(mac.check(signed, record.replace('😀', '😁'), rest)).toBe('mismatch');
    expect(mac.check(signed, record, `${rest} `)).toBe('mismatch');
  });

  it('should refuse the tag when its nonce or its tag changed', () => {
    const signed = mac.sign(record, rest);
    const [, nonce, tag] = signed.split(':') as [string, string, string];
    const flip = (b64: string, byte: number) => {
      const raw = Buffer.from(b64, 'base64url');
      raw[byte]! ^= 1;
      return raw.toString('base64url');
    };
    for (let i = 0; i < NONCE_BYTES; i++) expect(mac.check(withField(signed, 1, flip(nonce, i)), record, rest)).toBe('mismatch');
    for (let i = 0; i < TAG_BYTES; i++) expect(mac.check(withField(signed, 2, flip(tag, i)), record, rest)).toBe('mismatch');
    expect(mac.check(withField(signed, 1, mac.sign(record, rest).split(':')[1]!), record, rest)).toBe('mismatch');
  });

  it('should refuse a tag made under another key or another label', () => {
    const other = new RecordMac(parseKeyRing(`k1:${key()}`), LABEL);
    expect(mac.check(other.sign(record, rest), record, rest)).toBe('mismatch');
    const otherUse = new RecordMac(ring, 'another use v1');
    expect(mac.check(otherUse.sign(record, rest), record, rest)).toBe('mismatch');
  });

  it('should say what is wrong when the MAC is missing, malformed or under an unknown key', () => {
    const signed = mac.sign(record, rest);
    expect(mac.check(null, record, rest)).toBe('missing');
    expect(mac.check(undefined, record, rest)).toBe('missing');
    for (const bad of ['', 'k1', 'k1::', `k1:${signed.split(':')[1]}`, `${signed}:x`, `k1:${'!'.repeat(16)}:${'A'.repeat(22)}`]) {
      expect(mac.check(bad, record, rest)).toBe('malformed');
    }
    expect(mac.check(withField(signed, 0, 'k 1'), record, rest)).toBe('unknown_key');
    expect(mac.check(withField(signed, 2, `${'A'.repeat(21)}*`), record, rest)).toBe('malformed');
    expect(mac.check(withField(signed, 0, 'k9'), record, rest)).toBe('unknown_key');
  });

  it('should keep verifying old tags after a rotation while their key is in the ring, and refuse them once it is removed', () => {
    const k1 = key();
    const k2 = key();
    const before = new RecordMac(parseKeyRing(`k1:${k1}`), LABEL);
    const old = before.sign(record, rest);
    const rotated = new RecordMac(parseKeyRing(`k1:${k1},k2:${k2}`), LABEL);
    expect(rotated.check(old, record, rest)).toBeNull();
    const fresh = rotated.sign(record, rest);
    expect(fresh.startsWith('k2:')).toBe(true);
    expect(rotated.check(fresh, record, rest)).toBeNull();
    const retired = new RecordMac(parseKeyRing(`k2:${k2}`), LABEL);
    expect(retired.check(old, record, rest)).toBe('unknown_key');
    expect(retired.check(fresh, record, rest)).toBeNull();
    // A key id reused for another key does not make the old tags valid.
    const reused = new RecordMac(parseKeyRing(`k1:${key()}`), LABEL);
    expect(reused.check(old, record, rest)).toBe('mismatch');
  });

  it('should handle records longer than its buffer and records of any text', () => {
    const long = `{"details":"${'é😀x'.repeat(5000)}"}`;
    const signed = mac.sign(long);
    expect(mac.check(signed, long)).toBeNull();
    expect(mac.check(signed, `${long.slice(0, -2)}y"}`)).toBe('mismatch');
    expect(mac.check(mac.sign(''), '')).toBeNull();
  });

  it('should leave the accepted tag in lastTag, so a caller can spot the same tag twice', () => {
    const a = mac.sign(record, rest);
    const b = mac.sign(record, rest);
    const seen = new TagIndex(1);
    expect(mac.check(a, record, rest)).toBeNull();
    expect(Buffer.from(mac.lastTag)).toEqual(Buffer.from(a.split(':')[2]!, 'base64url'));
    expect(seen.add(mac.lastTag, 1)).toBeNull();
    mac.check(b, record, rest);
    expect(seen.add(mac.lastTag, 2)).toBeNull();
    mac.check(a, record, rest);
    expect(seen.add(mac.lastTag, 3)).toBe(1);
  });
});

describe('TagIndex', () => {
  it('should remember every tag with its first position when it grows past its initial size', () => {
    const index = new TagIndex(4);
    const tags = Array.from({ length: 20_000 }, () => randomBytes(TAG_BYTES));
    tags.forEach((t, i) => expect(index.add(t, i + 1)).toBeNull());
    expect(index.size).toBe(20_000);
    expect(index.add(tags[0]!, 99_999)).toBe(1);
    expect(index.add(tags[12_345]!, 99_999)).toBe(12_346);
    expect(index.add(Buffer.from(tags[7]!), 99_999)).toBe(8);
  });

  it('should tell apart tags that differ only after their first word', () => {
    const index = new TagIndex();
    const a = Buffer.alloc(TAG_BYTES, 7);
    const b = Buffer.from(a);
    b[15] = 8;
    expect(index.add(a, 1)).toBeNull();
    expect(index.add(b, 2)).toBeNull();
    expect(index.add(Buffer.alloc(TAG_BYTES), 3)).toBeNull();
    expect(index.add(Buffer.alloc(TAG_BYTES), 4)).toBe(3);
  });
});
