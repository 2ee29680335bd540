import type { Env } from '@/config/env';
import { startEmbeddedPostgres } from '@/lib/db/embedded-postgres';

/**
 * The database a CLI command works on: DATABASE_URL, or without it the embedded one in DATA_DIR
 * (what `npm start` runs on; stop the server first: PGlite serves one process). `embedded` says
 * which, for commands whose effect depends on it.
 */
export async function openCliDatabase(env: Env): Promise<{ url: string; embedded: boolean; close(): Promise<void> }> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, embedded: false, close: async () => undefined };
  const embedded = await startEmbeddedPostgres(env.DATA_DIR);
  return { url: embedded.url, embedded: true, close: () => embedded.stop() };
}
