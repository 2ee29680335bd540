import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseKeyRing } from '../key-ring';
import { SecretBox } from '../secret-box';

const key = () => randomBytes(32).toString('base64');
const row = { table: 'users', id: '7d0f3a52-58f4-4c5e-9a7e-6f1c6a9a0001', orgId: 'a1b2c3d4-0000-4000-8000-000000000001' };

describe('SecretBox (AES-256-GCM)', () => {
  const box = new SecretBox(parseKeyRing(`k1:${key()}`));

  it('should round-trip a secret when the binding is the same row', () => {
    const sealed = box.encrypt('JBSWY3DPEHPK3PXPJBSWY3DP', row);
    expect(sealed).toMatch(/^v1:k1:[\w-]{16}:[\w-]+:[\w-]{22}$/);
    expect(box.decrypt(sealed, row)).toBe('JBSWY3DPEHPK3PXPJBSWY3DP');
  });

  it('should use a fresh nonce for every encryption', () => {
    const a = box.encrypt('same', row);
    const b = box.encrypt('same', row);
    expect(a.split(':')[2]).not.toBe(b.split(':')[2]);
    expect(a).not.toBe(b);
  });

  it('should refuse a ciphertext with any byte changed (the tag fails)', () => {
    const sealed = box.encrypt('a secret worth stealing', row);
    const parts = sealed.split(':');
    const ct = Buffer.from(parts[3]!, 'base64url');
    for (let i = 0; i < ct.length; i++) {
      const flipped = Buffer.from(ct);
      flipped[i] = flipped[i]! ^ 0x01;
      const tampered = [...parts.slice(0, 3), flipped.toString('base64url'), parts[4]].join(':');
      expect(() => box.decrypt(tampered, row)).toThrow();
    }
    const tag = Buffer.from(parts[4]!, 'base64url');
    tag[0] = tag[0]! ^ 0x80;
    expect(() => box.decrypt([...parts.slice(0, 4), tag.toString('base64url')].join(':'), row)).toThrow();
  });

  it('should refuse a ciphertext moved to another row, table or org', () => {
    const sealed = box.encrypt('bound to its row', row);
    expect(() => box.decrypt(sealed, { ...row, id: '7d0f3a52-58f4-4c5e-9a7e-6f1c6a9a0002' })).toThrow();
    expect(() => box.decrypt(sealed, { ...row, table: 'connections' })).toThrow();
    expect(() => box.decrypt(sealed, { ...row, orgId: 'a1b2c3d4-0000-4000-8000-000000000002' })).toThrow();
  });

  it('should encrypt with the newest key and still decrypt with older ones after a rotation', () => {
    const k1 = key();
    const old = new SecretBox(parseKeyRing(`k1:${k1}`)).encrypt('before rotation', row);
    const rotated = new SecretBox(parseKeyRing(`k1:${k1},k2:${key()}`));
    expect(rotated.decrypt(old, row)).toBe('before rotation');
    expect(rotated.keyIdOf(rotated.encrypt('after', row))).toBe('k2');
    const withoutK1 = new SecretBox(parseKeyRing(`k2:${key()}`));
    expect(() => withoutK1.decrypt(old, row)).toThrow(/not in the key ring/);
  });

  it('should refuse a key ring with a short key, a bad id or a duplicate', () => {
    expect(() => parseKeyRing(`k1:${randomBytes(16).toString('base64')}`)).toThrow(/32 bytes/);
    expect(() => parseKeyRing(`bad id:${key()}`)).toThrow(/key id/);
    expect(() => parseKeyRing(`k1:${key()},k1:${key()}`)).toThrow(/duplicate/);
    expect(() => parseKeyRing('')).toThrow(/no keys/);
  });
});
