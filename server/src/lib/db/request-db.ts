import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { scopePreamble, type DbScope } from './db-scope';
import {
  executeSql,
  forgetPrepared,
  inlineSql,
  isPreparedOn,
  markPrepared,
  prepareSql,
  type PreparedStatement,
  type SqlStatement,
} from './prepared-statement';
import { sqlState } from './pg-errors';
import { withRawClient } from './raw-client';

const DUPLICATE_PREPARED_STATEMENT = '42P05';

/**
 * A write that rides along with a read in the read's own transaction and round trip (the
 * read's audit entry): `sql()` gives the statement, or nothing when it was already written;
 * `committed()` is told when the transaction that carried it committed.
 */
export type AlongsideWrite = { sql(): SqlStatement | undefined; committed(): void };

export type AfterCommit = () => void | Promise<void>;

/**
 * A request's access to PostgreSQL: one transaction, opened on first use, in which
 * `SET LOCAL ROLE` and the actor's settings bind every statement to RLS. The app role itself
 * can do nothing, so a code path that forgets the scope fails closed.
 *
 * Two ways in:
 * - `em()`: the request's own forked entity manager inside that transaction (writes, and reads
 *   that need the ORM). Each mutation root field runs in a savepoint, so a field that fails
 *   writes nothing while the request's other fields keep their work.
 * - `readRows(sql)`: a read-only statement sent with the scope preamble in one simple-query
 *   message — one round trip, one implicit transaction. Values in `sql` must be quoted with
 *   pg.escapeLiteral / validated; used by hot list queries.
 */
export class RequestDb {
  private emPromise: Promise<EntityManager> | undefined;
  private savepoints = 0;
  private afterCommitQueue: AfterCommit[] = [];

  constructor(
    private readonly orm: MikroORM,
    readonly scope: DbScope,
    private readonly onAfterCommitError: (err: unknown) => void = (err) => console.error('after-commit callback failed', err),
  ) {}

  /**
   * Runs `fn` once the transaction has committed; never when it rolls back, and never when the
   * savepoint it was registered in (a failed mutation field) is rolled back. Its failure cannot
   * undo the commit: it is reported, not thrown (an outbox sweeper covers what it would have sent).
   */
  afterCommit(fn: AfterCommit): void {
    this.afterCommitQueue.push(fn);
  }

  get inTransaction(): boolean {
    return this.emPromise !== undefined;
  }

  em(): Promise<EntityManager> {
    this.emPromise ??= this.open();
    return this.emPromise;
  }

  private async open(): Promise<EntityManager> {
    const em = this.orm.em.fork({ clear: true, useContext: false });
    await em.begin();
    try {
      await em.execute(scopePreamble(this.scope));
    } catch (err) {
      await em.rollback();
      throw err;
    }
    return em;
  }

  async readRows<T>(sql: SqlStatement, alongside?: AlongsideWrite): Promise<T[]> {
    const [rows] = await this.readResults<[T]>([sql], alongside);
    return rows;
  }

  /**
   * Several read-only statements, still one round trip: one row list per statement. Inside the
   * request's open transaction the statements join it (and `alongside` is left to that
   * transaction's own commit).
   */
  async readResults<T extends unknown[]>(
    reads: readonly SqlStatement[],
    alongside?: AlongsideWrite,
  ): Promise<{ [K in keyof T]: T[K][] }> {
    type Out = { [K in keyof T]: T[K][] };
    if (this.emPromise) {
      const em = await this.emPromise;
      const out: unknown[][] = [];
      for (const read of reads) out.push((await em.execute(inlineSql(read))) as unknown[]);
      return out as Out;
    }
    const write = alongside?.sql();
    const rows = await withRawClient(this.orm, async (client) => {
      for (let attempt = 1; ; attempt++) {
        const statements = write ? [write, ...reads] : reads;
        const toPrepare = statements.filter(
          (r): r is PreparedStatement => typeof r !== 'string' && !isPreparedOn(client, r.name),
        );
        // One simple-query message is one implicit transaction: the write commits with the
        // reads, or nothing does. The reads come last, so their results are the last ones.
        const text = [
          scopePreamble(this.scope),
          ...toPrepare.map((r) => `${prepareSql(r)};`),
          ...statements.map((r) => `${typeof r === 'string' ? r : executeSql(r)};`),
        ].join(' ');
        try {
          const results = (await client.query(text)) as unknown as { rows: unknown[] }[];
          markPrepared(
            client,
            toPrepare.map((r) => r.name),
          );
          return results.slice(results.length - reads.length).map((r) => r.rows) as Out;
        } catch (err) {
          // PREPARE is not transactional: which ones took is unknown, so start over on this
          // session. A session that outlived our bookkeeping (PGlite keeps one backend across
          // socket reconnects) answers "already exists": retry once from a clean slate.
          forgetPrepared(client);
          await client.query('ROLLBACK; DEALLOCATE ALL').catch(() => undefined);
          if (attempt === 1 && sqlState(err) === DUPLICATE_PREPARED_STATEMENT) continue;
          throw err;
        }
      }
    });
    if (write) alongside!.committed();
    return rows;
  }

  /**
   * The database's clock in ms: inside the open transaction when there is one, else on a
   * connection of its own (after commit). Issue times and revocation cutoffs are both read from
   * it, so API replicas whose clocks differ still order them the same way.
   */
  async databaseNowMs(): Promise<number> {
    const sql = 'SELECT floor(extract(epoch from clock_timestamp()) * 1000)::bigint::text AS ms';
    const rows = this.emPromise
      ? ((await (await this.emPromise).execute(sql)) as { ms: string }[])
      : await withRawClient(this.orm, async (client) => (await client.query<{ ms: string }>(sql)).rows);
    return Number(rows[0]!.ms);
  }

  /** Runs one mutation root field so that its writes are undone if it fails. */
  async inSavepoint<T>(fn: () => Promise<T>): Promise<T> {
    const em = await this.em();
    const name = `field_${++this.savepoints}`;
    await em.execute(`SAVEPOINT ${name}`);
    const callbacksBefore = this.afterCommitQueue.length;
    try {
      return await fn();
    } catch (err) {
      this.afterCommitQueue.length = callbacksBefore;
      await em.execute(`ROLLBACK TO SAVEPOINT ${name}`);
      // The unit of work may hold entities from the undone writes.
      em.clear();
      throw err;
    }
  }

  /** Commits the transaction (when one is open), then runs the after-commit callbacks in order. */
  async commit(): Promise<void> {
    if (this.emPromise) {
      const em = await this.emPromise;
      this.emPromise = undefined;
      await em.commit();
    }
    const callbacks = this.afterCommitQueue;
    this.afterCommitQueue = [];
    for (const fn of callbacks) {
      try {
        await fn();
      } catch (err) {
        this.onAfterCommitError(err);
      }
    }
  }

  async rollback(): Promise<void> {
    this.afterCommitQueue = [];
    if (!this.emPromise) return;
    const em = await this.emPromise.catch(() => undefined);
    this.emPromise = undefined;
    if (em) await em.rollback().catch(() => undefined);
  }
}

/**
 * Runs `fn` in a transaction of its own under `scope` (login lookups, CLI, jobs); `db` is there
 * for `afterCommit`.
 */
export async function inScopedTransaction<T>(
  orm: MikroORM,
  scope: DbScope,
  fn: (em: EntityManager, db: RequestDb) => Promise<T>,
): Promise<T> {
  const db = new RequestDb(orm, scope);
  try {
    const result = await fn(await db.em(), db);
    await db.commit();
    return result;
  } catch (err) {
    await db.rollback();
    throw err;
  }
}
