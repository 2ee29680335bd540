import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { describe, expect, it } from 'vitest';
import {
  canonicalEntryJson,
  canonicalJson,
  computeEntryHash,
  GENESIS_HASH,
  hashedObject,
  entryRecordsJson,
} from '../audit-entry';
import { entryBody } from './chain-fixtures';

describe('audit entry hashing', () => {
  it('should equal RFC 8785 canonicalize() of the column-keyed entry when fields vary', () => {
    const samples = [
      entryBody(1),
      entryBody(2, { actorId: null, actorRole: null, resourceType: null, details: {} }),
      entryBody(3, { details: { z: 1e21, y: -0, x: 0.1, w: 'a"b\\c\n', v: { '\u00e9': 1, e: 2, ['\ud83d\ude00']: 3 } } }),
      entryBody(9_007_199_254_740_991, { actorType: 'system', systemSource: 'scheduler' }),
    ];
    for (const e of samples) expect(canonicalEntryJson(e)).toBe(canonicalize(hashedObject(e)));
  });

  it('should match the canonicalize package when serializing arbitrary JSON values', () => {
    let seed = 42;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const strings = [
      '',
      'a',
      'é',
      '\u2028',
      'quote"',
      'back\\slash',
      'tab\t',
      '\u0001',
      '😀',
      '\ud83d',
      'z',
      'Z',
      '10',
      '1',
      'ü',
    ];
    const value = (depth: number): unknown => {
      const r = rand();
      if (depth > 3 || r < 0.35) {
        const k = Math.floor(rand() * 6);
        return [
          null,
          true,
          false,
          strings[Math.floor(rand() * strings.length)],
          (rand() - 0.5) * 10 ** Math.floor(rand() * 40 - 20),
          Math.floor(rand() * 1e6),
        ][k];
      }
      if (r < 0.6) return Array.from({ length: Math.floor(rand() * 4) }, () => value(depth + 1));
      const o: Record<string, unknown> = {};
      for (let i = 0; i < Math.floor(rand() * 5); i++)
        o[strings[Math.floor(rand() * strings.length)]! + String(i % 2)] = value(depth + 1);
      return o;
    };
    for (let i = 0; i < 2000; i++) {
      const v = value(0);
      expect(canonicalJson(v)).toBe(canonicalize(v));
    }
  });

  it('should hash prev_hash followed by the canonical JSON when computing an entry hash', () => {
    const e = entryBody(7);
    const expected = createHash('sha256')
      .update(GENESIS_HASH + canonicalEntryJson(e), 'utf8')
      .digest('hex');
    expect(computeEntryHash(GENESIS_HASH, e)).toBe(expected);
    expect(GENESIS_HASH).toMatch(/^0{64}$/);
  });

  it('should give the same hash when details keys come back in another order', () => {
    const a = entryBody(4, { details: { b: 1, a: { d: 2, c: 3 } } });
    const b = entryBody(4, { details: { a: { c: 3, d: 2 }, b: 1 } });
    expect(computeEntryHash(GENESIS_HASH, a)).toBe(computeEntryHash(GENESIS_HASH, b));
  });

  it('should change the hash when any field, seq or org changes', () => {
    const base = computeEntryHash(GENESIS_HASH, entryBody(5));
    expect(computeEntryHash(GENESIS_HASH, entryBody(5, { actorId: 'someone-else' }))).not.toBe(base);
    expect(computeEntryHash(GENESIS_HASH, entryBody(5, { outcome: 'denied' }))).not.toBe(base);
    expect(computeEntryHash(GENESIS_HASH, entryBody(5, { seq: 6 }))).not.toBe(base);
    expect(computeEntryHash(GENESIS_HASH, entryBody(5, { orgId: '00000000-0000-4000-8000-000000000000' }))).not.toBe(base);
    expect(computeEntryHash('1'.repeat(64), entryBody(5))).not.toBe(base);
  });

  it('should make strings storable when an entry carries NUL or a lone surrogate', () => {
    const json = entryRecordsJson([{ ...entryBody(1), at: new Date(0), resourceId: 'a\u0000b', details: { k: 'x\ud800y' } }]);
    expect(json).not.toContain('\\u0000');
    expect(json).not.toMatch(/\\ud800/i);
    expect(JSON.parse(json)[0].resource_id).toBe('a\uFFFDb');
  });
});
