import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { z } from 'zod';
import { inScopedTransaction, type RequestDb } from '@/lib/db/request-db';
import type { Logger } from '@/lib/logger';
import type { JobDefinition } from '@/lib/queue/job-definition';
import type { JobRegistry } from '@/lib/queue/job-registry';
import type { JobQueue } from '@/lib/queue/job-runner';

/** What the outbox needs: the database, where jobs go, and what jobs exist. */
export type OutboxDeps = { orm: MikroORM; jobs: JobQueue; registry: JobRegistry; logger: Logger };

type OutboxRow = { id: string; job: string; payload: unknown };

// The queue's id for a row's job: the same row sent twice (after commit, then by the sweeper)
// is one job.
const jobIdOf = (row: Pick<OutboxRow, 'id'>) => `outbox-${row.id}`;

const SYSTEM = { role: 'vigil_system', source: 'job-outbox' } as const;

/**
 * Sends `job` once the transaction of `db` commits, and never if it rolls back (or the mutation
 * field's savepoint does): the row is written in that transaction; after commit it is enqueued
 * and deleted. A process that dies in between leaves the row for the sweeper.
 */
export async function sendAfterCommit<S extends z.ZodType>(
  outbox: () => OutboxDeps,
  db: RequestDb,
  orgId: string | null,
  job: JobDefinition<S>,
  payload: z.infer<S>,
): Promise<void> {
  const data: unknown = job.payload.parse(payload);
  const row: OutboxRow = { id: randomUUID(), job: job.name, payload: data };
  const em = await db.em();
  await em.execute('INSERT INTO job_outbox (id, org_id, job, payload) VALUES (?, ?, ?, ?::jsonb)', [
    row.id,
    orgId,
    row.job,
    JSON.stringify(data),
  ]);
  db.afterCommit(() => dispatch(outbox(), [row]));
}

async function dispatch(deps: OutboxDeps, rows: readonly OutboxRow[]): Promise<void> {
  await enqueueRows(deps, rows);
  await inScopedTransaction(deps.orm, SYSTEM, (em) =>
    em.execute('DELETE FROM job_outbox WHERE id = ANY(?::uuid[])', [`{${rows.map((r) => r.id).join(',')}}`]),
  );
}

async function enqueueRows(deps: OutboxDeps, rows: readonly OutboxRow[]): Promise<string[]> {
  const sent: string[] = [];
  for (const row of rows) {
    let def: JobDefinition;
    try {
      def = deps.registry.definition(row.job);
    } catch {
      // A job this version does not know (removed, or a newer replica's): kept for one that does.
      deps.logger.error({ job: row.job, outboxId: row.id }, 'outbox row names an unknown job; left in place');
      continue;
    }
    await deps.jobs.enqueue(def, row.payload, { jobId: jobIdOf(row) });
    sent.push(row.id);
  }
  return sent;
}

/**
 * Re-queues rows older than `staleAfterSeconds` (their writer died between commit and enqueue),
 * oldest first, and deletes them. Rows are locked while they are sent, so sweepers on several
 * workers never send one row twice at once; the job id makes a repeat harmless anyway.
 */
export async function sweepOutbox(deps: OutboxDeps, staleAfterSeconds: number, limit = 500): Promise<number> {
  return inScopedTransaction(deps.orm, { ...SYSTEM, source: 'job:jobs.sweep-outbox' }, async (em) => {
    const rows = (await em.execute(
      `SELECT id, job, payload FROM job_outbox WHERE created_at < now() - make_interval(secs => ?)
       ORDER BY created_at LIMIT ? FOR UPDATE SKIP LOCKED`,
      [staleAfterSeconds, limit],
    )) as OutboxRow[];
    const sent = await enqueueRows(deps, rows);
    if (sent.length) await em.execute('DELETE FROM job_outbox WHERE id = ANY(?::uuid[])', [`{${sent.join(',')}}`]);
    if (sent.length) deps.logger.warn({ count: sent.length }, 'outbox: re-queued jobs whose sender did not');
    return sent.length;
  });
}
