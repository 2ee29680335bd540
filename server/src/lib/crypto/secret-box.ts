import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { KeyRing } from './key-ring';

/**
 * AES-256-GCM for secrets at rest. Format: `v1:<keyId>:<nonce>:<ciphertext>:<tag>` (base64url).
 * The additional data binds a ciphertext to its row (`table:id:org`): moved to another row, it
 * no longer decrypts; changed by one bit, the tag fails.
 */
export type SecretBinding = { table: string; id: string; orgId: string };

const bindingAad = (b: SecretBinding) => Buffer.from(`${b.table}:${b.id}:${b.orgId}`, 'utf8');

export class SecretBox {
  constructor(private readonly ring: KeyRing) {}

  encrypt(plaintext: string, binding: SecretBinding): string {
    const keyId = this.ring.currentKeyId;
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.ring.key(keyId)!, nonce);
    cipher.setAAD(bindingAad(binding));
    const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return ['v1', keyId, nonce, ct, cipher.getAuthTag()]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join(':');
  }

  decrypt(sealed: string, binding: SecretBinding): string {
    const parts = sealed.split(':');
    if (parts.length !== 5 || parts[0] !== 'v1') throw new Error('secret: unknown format');
    const [, keyId, nonce, ct, tag] = parts as [string, string, string, string, string];
    const key = this.ring.key(keyId);
    if (!key) throw new Error(`secret: key ${keyId} is not in the key ring`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'));
    decipher.setAAD(bindingAad(binding));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    // final() throws when the tag does not match: tampered, moved, or the wrong key.
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
  }

  keyIdOf(sealed: string): string {
    return sealed.split(':')[1] ?? '';
  }
}
