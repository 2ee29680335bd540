import { memoryKv, type KvStore } from './kv-store';

/** Runs one SQL statement with `?` placeholders (MikroORM's `execute`) and returns its rows. */
export type SqlRunner = <T>(sql: string, params: unknown[]) => Promise<T[]>;

/** A KvStore that also says when what it was told is on disk. */
export type DurableKvStore = KvStore & {
  /** Resolves once every write made so far is in the table (call before the process stops). */
  settled(): Promise<void>;
};

/**
 * A KvStore for a single process that must not forget across restarts: an in-process map that
 * answers every read, written through to a database table (`kv_entries`, migration 0014) in the
 * order of the writes, and filled from it at start. For embedded mode, where there is no Redis
 * and the process is the only node (so its map is the whole truth while it runs).
 *
 * A write takes effect in memory at once and reaches the table right after: embedded PostgreSQL
 * serves one connection, which the revoking request's own transaction holds until it ends, so
 * waiting for the table inside the request would wait forever. Stopping waits for `settled()`;
 * only a crash in the milliseconds between a revocation and its row can lose it.
 */
export async function durableKv(
  run: SqlRunner,
  onError: (err: unknown) => void,
  now: () => number = Date.now,
): Promise<DurableKvStore> {
  const memory = memoryKv(now);
  await run('DELETE FROM kv_entries WHERE expires_at <= now()', []);
  const rows = await run<{ key: string; value: string; ttl_ms: string }>(
    `SELECT key, value, floor(extract(epoch FROM expires_at - now()) * 1000)::bigint::text AS ttl_ms FROM kv_entries`,
    [],
  );
  for (const row of rows) await memory.setWithTtl(row.key, row.value, Number(row.ttl_ms) / 1000);

  let writes: Promise<void> = Promise.resolve();
  const persist = (key: string, value: string, ttlSeconds: number, onlyIfLater?: number) => {
    writes = writes
      .then(() =>
        run(
          `INSERT INTO kv_entries (key, value, expires_at) VALUES (?, ?, now() + make_interval(secs => ?))
           ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at
           WHERE ?::numeric IS NULL OR kv_entries.expires_at <= now()
              OR coalesce(substring(kv_entries.value FROM '^[0-9]+')::numeric, -1) < ?::numeric`,
          [key, value, Math.max(1, Math.ceil(ttlSeconds)), onlyIfLater ?? null, onlyIfLater ?? null],
        ),
      )
      .then(() => undefined, onError);
  };

  return {
    async setWithTtl(key, value, ttlSeconds) {
      await memory.setWithTtl(key, value, ttlSeconds);
      persist(key, value, ttlSeconds);
    },
    async setIfLater(key, order, value, ttlSeconds) {
      await memory.setIfLater(key, order, value, ttlSeconds);
      persist(key, value, ttlSeconds, order);
    },
    getMany: (keys) => memory.getMany(keys),
    settled: () => writes,
  };
}
