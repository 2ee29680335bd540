import type { EntityManager } from '@mikro-orm/postgresql';
import { canonicalDecimal } from './decimal-text';
import type { PredictionPosition, PredictionVenueId } from './prediction-venue';

export type PredictionTarget = { orgId: string; walletId: string; employeeId: string };

type StoredLine = {
  condition_id: string;
  asset: string;
  market: string;
  outcome: string;
  size: string;
  avg_price: string;
  current_value: string;
  cur_price: string | null;
};

// The feed row is locked first: two reads of one wallet never compare against the same
// "latest" and both write.
const LOCK_FEED = `INSERT INTO wallet_prediction_feeds (wallet_id, venue, org_id, employee_id) VALUES (?, ?, ?, ?)
  ON CONFLICT (wallet_id, venue) DO UPDATE SET employee_id = EXCLUDED.employee_id
  RETURNING wallet_id`;
const LATEST = `SELECT p.condition_id, p.asset, p.market, p.outcome, p.size::text AS size, p.avg_price::text AS avg_price,
         p.current_value::text AS current_value, p.cur_price::text AS cur_price
    FROM (SELECT id FROM prediction_snapshots WHERE wallet_id = ? AND venue = ? ORDER BY as_of DESC, id LIMIT 1) s
    LEFT JOIN prediction_positions p ON p.snapshot_id = s.id`;
const INSERT_SNAPSHOT = `INSERT INTO prediction_snapshots (org_id, wallet_id, employee_id, venue, as_of, position_count)
  VALUES (?, ?, ?, ?, ?, ?) RETURNING id`;
const INSERT_POSITIONS = `INSERT INTO prediction_positions (snapshot_id, org_id, wallet_id, employee_id, condition_id, asset, market, outcome,
                                  size, avg_price, current_value, cur_price)
  SELECT ?, ?, ?, ?, l."conditionId", l.asset, l.market, l.outcome, l.size::numeric, l."avgPrice"::numeric,
         l."currentValue"::numeric, l."curPrice"::numeric
    FROM jsonb_to_recordset(?::jsonb) AS l("conditionId" text, asset text, market text, outcome text, size text, "avgPrice" text,
                                            "currentValue" text, "curPrice" text)`;
const MARK_OK = `UPDATE wallet_prediction_feeds SET last_read_at = ?, last_success_at = ?, last_error = NULL, failing_since = NULL
  WHERE wallet_id = ? AND venue = ?`;
// failing_since keeps the first failure of a run of failures: "stale since when".
const MARK_FAILED = `INSERT INTO wallet_prediction_feeds (wallet_id, venue, org_id, employee_id, last_read_at, last_error, failing_since)
  VALUES (?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (wallet_id, venue) DO UPDATE SET last_read_at = EXCLUDED.last_read_at, last_error = EXCLUDED.last_error,
    failing_since = coalesce(wallet_prediction_feeds.failing_since, EXCLUDED.failing_since)`;

const keyOf = (lines: readonly PredictionPosition[]) =>
  lines
    .map((l) =>
      JSON.stringify([
        l.asset,
        l.conditionId,
        l.market,
        l.outcome,
        canonicalDecimal(l.size),
        canonicalDecimal(l.avgPrice),
        canonicalDecimal(l.currentValue),
        l.curPrice === null ? null : canonicalDecimal(l.curPrice),
      ]),
    )
    .sort()
    .join('\n');

const fromRow = (r: StoredLine): PredictionPosition => ({
  conditionId: r.condition_id,
  asset: r.asset,
  market: r.market,
  outcome: r.outcome,
  size: r.size,
  avgPrice: r.avg_price,
  currentValue: r.current_value,
  curPrice: r.cur_price,
});

/**
 * Writes one successful read in the caller's (vigil_system) transaction: a snapshot only when the
 * positions differ from the latest one (an idle wallet adds no rows; a wallet that never held any
 * adds none either), then the feed's health. Returns whether a snapshot was written.
 */
export async function storePredictionRead(
  em: EntityManager,
  t: PredictionTarget,
  venue: PredictionVenueId,
  read: { positions: readonly PredictionPosition[]; readAt: Date },
): Promise<boolean> {
  await em.execute(LOCK_FEED, [t.walletId, venue, t.orgId, t.employeeId]);
  // One row per position of the latest snapshot; one row of NULLs for a snapshot of none.
  const latest = await em.execute<(StoredLine | { [K in keyof StoredLine]: null })[]>(LATEST, [t.walletId, venue]);
  const hadSnapshot = latest.length > 0;
  const previous = latest.filter((r): r is StoredLine => r.asset !== null).map(fromRow);
  const changed = hadSnapshot ? keyOf(previous) !== keyOf(read.positions) : read.positions.length > 0;
  if (changed) {
    const [snapshot] = await em.execute<{ id: string }[]>(INSERT_SNAPSHOT, [
      t.orgId,
      t.walletId,
      t.employeeId,
      venue,
      read.readAt,
      read.positions.length,
    ]);
    if (read.positions.length > 0) {
      await em.execute(INSERT_POSITIONS, [snapshot!.id, t.orgId, t.walletId, t.employeeId, JSON.stringify(read.positions)]);
    }
  }
  await em.execute(MARK_OK, [read.readAt, read.readAt, t.walletId, venue]);
  return changed;
}

/** A failed read writes only this: the last good snapshot stays, stale since failing_since. */
export async function storePredictionFailure(
  em: EntityManager,
  t: PredictionTarget,
  venue: PredictionVenueId,
  failure: { error: string; at: Date },
): Promise<void> {
  await em.execute(MARK_FAILED, [t.walletId, venue, t.orgId, t.employeeId, failure.at, failure.error, failure.at]);
}
