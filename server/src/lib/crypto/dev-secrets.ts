import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export type DevSecrets = { jwtSecret: string; encryptionKeys: string };

/**
 * Outside production, a first run needs no configuration: a signing key and a data-encryption
 * key are generated once into DATA_DIR (mode 0600, next to the embedded database, never inside
 * it). Production refuses to boot without real ones (config/env.ts).
 */
export async function loadOrCreateDevSecrets(dataDir: string): Promise<DevSecrets> {
  const file = path.resolve(dataDir, 'dev-secrets.json');
  try {
    return JSON.parse(await readFile(file, 'utf8')) as DevSecrets;
  } catch {
    const secrets: DevSecrets = {
      jwtSecret: randomBytes(48).toString('base64'),
      encryptionKeys: `dev1:${randomBytes(32).toString('base64')}`,
    };
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
    return secrets;
  }
}
