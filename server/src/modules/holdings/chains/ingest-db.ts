import type { MikroORM } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { scopePreamble, type DbScope } from '@/lib/db/db-scope';
import { inScopedTransaction } from '@/lib/db/request-db';

/** One statement with `$1`-style parameters, inside the open transaction; its rows. */
export type Sql = <T extends object>(text: string, params?: readonly SqlParam[]) => Promise<T[]>;
export type SqlParam = string | number | boolean | null;

/**
 * Where the ingest writes: a transaction per step, as vigil_system. The ingest repairs a reorg for
 * every wallet on the chain at once (a fork orphans every organization's transfers in its blocks),
 * so it acts for no single organization; it is a worker's job, never a request's.
 */
export type IngestDb = { transaction<T>(fn: (sql: Sql) => Promise<T>): Promise<T> };

export const INGEST_SCOPE: DbScope = { role: 'vigil_system', source: 'holdings.chain_ingest' };

/** `$n` placeholders as the `?` list knex expects, each parameter repeated where its number is. */
function toKnexBindings(text: string, params: readonly SqlParam[]): [string, SqlParam[]] {
  const bindings: SqlParam[] = [];
  const sql = text.replace(/\$(\d+)/g, (_, n: string) => {
    const i = Number(n) - 1;
    if (i < 0 || i >= params.length) throw new Error(`chain ingest SQL: no parameter $${n}`);
    bindings.push(params[i]!);
    return '?';
  });
  return [sql, bindings];
}

/** Through the ORM (the worker): each step in a transaction of a forked entity manager. */
export const ormIngestDb = (orm: MikroORM): IngestDb => ({
  transaction: (fn) =>
    inScopedTransaction(orm, INGEST_SCOPE, (em) =>
      fn(async <T extends object>(text: string, params: readonly SqlParam[] = []) => {
        const [sql, bindings] = toKnexBindings(text, params);
        return (await em.execute(sql, bindings, 'all')) as T[];
      }),
    ),
});

/** Through a plain pg pool (tools that load no ORM). */
export const pgIngestDb = (pool: pg.Pool): IngestDb => ({
  async transaction(fn) {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(scopePreamble(INGEST_SCOPE));
      const result = await fn(
        async <T extends object>(text: string, params: readonly SqlParam[] = []) =>
          (await client.query<T>(text, [...params])).rows,
      );
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  },
});
