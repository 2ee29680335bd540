import type { EntityManager } from '@mikro-orm/postgresql';
import type { PollCadence } from '../polling/poll-schedule';

/**
 * Claims the wallets due now on the configured chains and moves each one's next poll a whole
 * interval (plus jitter) ahead, in one statement: rows another scheduler holds are skipped (SKIP
 * LOCKED), so however many workers schedule at once a wallet is queued once per cycle. Removed
 * wallets, wallets of offboarded or invited employees, and wallets on a chain no longer in CHAINS
 * are never due.
 */
export async function claimDueWallets(em: EntityManager, cadence: PollCadence, chainIds: readonly number[]): Promise<string[]> {
  if (chainIds.length === 0) return [];
  const rows = await em.execute<{ id: string }[]>(
    `WITH due AS (
       SELECT w.id FROM wallets w JOIN employees e ON e.id = w.employee_id AND e.org_id = w.org_id
        WHERE w.status = 'active' AND e.status IN ('active', 'needs_reonboarding')
          AND w.chain_id = ANY(?::bigint[])
          AND (w.next_poll_at IS NULL OR w.next_poll_at <= now())
        ORDER BY w.next_poll_at NULLS FIRST
        LIMIT ?
        FOR UPDATE OF w SKIP LOCKED)
     UPDATE wallets w
        SET next_poll_at = now() + (? + random() * ?) * interval '1 millisecond'
       FROM due WHERE w.id = due.id
     RETURNING w.id`,
    [`{${chainIds.map((id) => Math.trunc(id)).join(',')}}`, cadence.claimBatch, cadence.intervalMs, cadence.jitterMs],
  );
  return rows.map((r) => r.id);
}
