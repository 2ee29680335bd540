import pg from 'pg';
import { isoTimestampSql } from '@/lib/db/iso-timestamp-sql';

// Reads of what prediction reads stored, under the caller's RLS scope (migration 0024):
// predictions:read, and without employees:read only the rows of the employee bound to the actor.
// Wallets themselves are read under 0018's policy (connections:read). Interpolated values are
// validated UUIDs, quoted.

const q = (v: string) => pg.escapeLiteral(v);

/** The wallet if the reader may see it (its org; every employee's with employees:read, else its own). */
export const visibleWalletSql = (walletId: string) => `
  SELECT w.id, w.employee_id FROM wallets w JOIN employees e ON e.id = w.employee_id AND e.org_id = w.org_id
   WHERE w.id = ${q(walletId)}::uuid`;

/** The employee if the reader may see it (employees:read, or itself). */
export const visibleEmployeeSql = (employeeId: string) => `SELECT id FROM employees WHERE id = ${q(employeeId)}::uuid`;

export type WalletFilter = { walletId: string } | { employeeId: string };

const walletWhere = (f: WalletFilter) =>
  'walletId' in f ? `w.id = ${q(f.walletId)}::uuid` : `w.employee_id = ${q(f.employeeId)}::uuid`;

const latestSnapshot = `(SELECT s.id FROM prediction_snapshots s WHERE s.wallet_id = w.id AND s.venue = 'polymarket'
                          ORDER BY s.as_of DESC, s.id LIMIT 1)`;

/**
 * Each wallet (of an employee: active, or removed with positions once read), its feed's health and its latest
 * snapshot's time. A wallet whose positions were never read has no feed row yet.
 */
export const predictionWalletsSql = (f: WalletFilter) => `
  SELECT w.id AS wallet_id, w.employee_id, w.chain_id::text AS chain_id, w.address, w.label, w.status,
         ${isoTimestampSql('s.as_of')} AS as_of, ${isoTimestampSql('f.last_success_at')} AS last_success_at,
         f.last_error, ${isoTimestampSql('f.failing_since')} AS failing_since
    FROM wallets w
    LEFT JOIN wallet_prediction_feeds f ON f.wallet_id = w.id AND f.venue = 'polymarket'
    LEFT JOIN prediction_snapshots s ON s.id = ${latestSnapshot}
   WHERE ${walletWhere(f)}${'employeeId' in f ? ` AND (w.status = 'active' OR s.id IS NOT NULL)` : ''}
   ORDER BY w.created_at, w.id
   LIMIT 200`;

/** The positions of those wallets' latest snapshots, largest current value first. */
export const predictionPositionsSql = (f: WalletFilter) => `
  SELECT p.wallet_id, p.condition_id, p.asset, p.market, p.outcome, p.size::text AS size, p.avg_price::text AS avg_price,
         p.current_value::text AS current_value, p.cur_price::text AS cur_price
    FROM wallets w JOIN prediction_positions p ON p.snapshot_id = ${latestSnapshot}
   WHERE ${walletWhere(f)}
   ORDER BY p.wallet_id, p.current_value DESC, p.asset
   LIMIT 10000`;
