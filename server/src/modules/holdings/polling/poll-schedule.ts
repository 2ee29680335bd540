import type { EntityManager } from '@mikro-orm/postgresql';

/** The polling cadence, from config. */
export type PollCadence = { intervalMs: number; jitterMs: number; scheduleEveryMs: number; claimBatch: number };

export function pollCadence(env: {
  POLL_INTERVAL_SECONDS: number;
  POLL_JITTER_SECONDS?: number | undefined;
  POLL_SCHEDULE_EVERY_SECONDS?: number | undefined;
}): PollCadence {
  const intervalMs = env.POLL_INTERVAL_SECONDS * 1000;
  return {
    intervalMs,
    jitterMs: env.POLL_JITTER_SECONDS !== undefined ? env.POLL_JITTER_SECONDS * 1000 : intervalMs / 10,
    scheduleEveryMs:
      env.POLL_SCHEDULE_EVERY_SECONDS !== undefined ? env.POLL_SCHEDULE_EVERY_SECONDS * 1000 : Math.min(intervalMs / 10, 10_000),
    claimBatch: 2000,
  };
}

/**
 * Claims the connections due now and moves each one's next poll a whole interval (plus jitter)
 * ahead, in one statement. Rows another scheduler holds are skipped (SKIP LOCKED), and a claimed
 * row is not due again until its next time: however many workers schedule at once, a connection
 * is queued once per cycle. Offboarded employees and broken, suspended or removed connections
 * are never due. `caps` (venue → at most this many per claim, venue-limits.ts claimCaps) keeps a
 * venue's claim within what its request budget can poll before the next tick: the rest stay due,
 * oldest first, rather than being queued to wait in a worker's slots (or be deferred) meanwhile.
 * `limit` (at most cadence.claimBatch) is what the workers have room for; within it each venue
 * gets a share in proportion to what it has due, so every venue's backlog drains at one pace and
 * a venue with a tight budget is not left with its polls for the end of the cycle.
 */
export async function claimDueConnections(
  em: EntityManager,
  cadence: PollCadence,
  caps: Record<string, number> = {},
  limit: number = cadence.claimBatch,
): Promise<ClaimedConnection[]> {
  if (limit <= 0) return [];
  const rows = await em.execute<ClaimedConnection[]>(
    `WITH ranked AS (
       SELECT c.id, c.next_poll_at,
              row_number() OVER (PARTITION BY c.venue ORDER BY c.next_poll_at NULLS FIRST) AS n,
              count(*) OVER (PARTITION BY c.venue) AS due, cap.value::int AS cap
         FROM exchange_connections c JOIN employees e ON e.id = c.employee_id AND e.org_id = c.org_id
         LEFT JOIN jsonb_each_text(?::jsonb) AS cap ON cap.key = c.venue
        WHERE c.status IN ('active', 'scope_unverified') AND e.status IN ('active', 'needs_reonboarding')
          AND (c.next_poll_at IS NULL OR c.next_poll_at <= now())),
     due AS (
       SELECT c.id FROM exchange_connections c JOIN ranked r ON r.id = c.id
        WHERE (r.cap IS NULL OR r.n <= r.cap)
          AND c.status IN ('active', 'scope_unverified') AND (c.next_poll_at IS NULL OR c.next_poll_at <= now())
        ORDER BY r.n::float8 / r.due, r.next_poll_at NULLS FIRST
        LIMIT ?
        FOR UPDATE OF c SKIP LOCKED)
     UPDATE exchange_connections c
        SET next_poll_at = now() + (? + random() * ?) * interval '1 millisecond'
       FROM due WHERE c.id = due.id
     RETURNING c.id, c.venue`,
    [JSON.stringify(caps), Math.min(limit, cadence.claimBatch), cadence.intervalMs, cadence.jitterMs],
  );
  return rows.map((r) => ({ id: r.id, venue: r.venue }));
}

export type ClaimedConnection = { id: string; venue: string };

/**
 * When each claimed poll may start: a venue's claim spread evenly over the tick (its k-th of n
 * claims after k/n of it), not all at once. A claim is capped at what the venue's budget polls in
 * a tick; started together, its polls' requests would queue for the budget and those waiting
 * longer than a signed request may (PollGuard) be deferred after spending part of it.
 */
export function spreadOverTick(claimed: readonly ClaimedConnection[], tickMs: number): number[] {
  const total = new Map<string, number>();
  for (const c of claimed) total.set(c.venue, (total.get(c.venue) ?? 0) + 1);
  const seen = new Map<string, number>();
  return claimed.map((c) => {
    const k = seen.get(c.venue) ?? 0;
    seen.set(c.venue, k + 1);
    return Math.floor((k * tickMs) / total.get(c.venue)!);
  });
}
