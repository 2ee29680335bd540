import { readFileSync } from 'node:fs';

/**
 * Data-encryption keys, loaded from the environment or a mounted file — never from the database,
 * so a dump of the database yields ciphertext only. The last key encrypts; every key decrypts.
 * A KMS can implement the same type.
 */
export type KeyRing = {
  readonly currentKeyId: string;
  key(id: string): Buffer | undefined;
  ids(): string[];
};

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

export function parseKeyRing(spec: string): KeyRing {
  const entries = spec
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((item) => {
      const sep = item.indexOf(':');
      const id = item.slice(0, sep);
      const key = Buffer.from(item.slice(sep + 1), 'base64');
      if (sep < 1 || !KEY_ID.test(id)) throw new Error(`key ring: bad key id in "${id}"`);
      if (key.length !== 32) throw new Error(`key ring: key ${id} must be 32 bytes (AES-256)`);
      return [id, key] as const;
    });
  if (entries.length === 0) throw new Error('key ring: no keys');
  const keys = new Map(entries);
  if (keys.size !== entries.length) throw new Error('key ring: duplicate key id');
  const currentKeyId = entries[entries.length - 1]![0];
  return { currentKeyId, key: (id) => keys.get(id), ids: () => [...keys.keys()] };
}

export function loadKeyRing(opts: { inline?: string; file?: string }): KeyRing | undefined {
  if (opts.file) return parseKeyRing(readFileSync(opts.file, 'utf8'));
  if (opts.inline) return parseKeyRing(opts.inline);
  return undefined;
}
