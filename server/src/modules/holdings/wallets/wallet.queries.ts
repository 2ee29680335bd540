import pg from 'pg';
import { isoTimestampSql } from '@/lib/db/iso-timestamp-sql';
import { latestPriceJoinSql, valueColumnsSql, wholeTokensSql } from '../valuation/valuation.queries';

// Reads of wallets and what their polls stored, under the caller's RLS scope (migrations 0018,
// 0020, 0022): wallets and their health need connections:read, balances balances:read, transfers
// transactions:read; an Employee sees only its own wallets. Interpolated values are validated
// UUIDs, numbers, or quoted.

const q = (v: string) => pg.escapeLiteral(v);

/** Each active wallet's latest snapshot per asset, for one employee, valued by symbol at the newest price in `ref`. */
export const walletBalancesSql = (employeeId: string, ref: string) => `
  SELECT l.*, ${valueColumnsSql(wholeTokensSql('l.amount::numeric', 'l.decimals'), 'l.symbol', ref)}
    FROM (SELECT DISTINCT ON (b.wallet_id, b.asset)
         b.wallet_id, w.chain_id::text AS chain_id, w.address, b.asset, b.symbol, b.decimals, b.amount::text AS amount,
         b.block_number::text AS block_number, ${isoTimestampSql('b.at')} AS at
    FROM wallet_balance_snapshots b JOIN wallets w ON w.id = b.wallet_id AND w.org_id = b.org_id
   WHERE w.employee_id = ${q(employeeId)}::uuid AND w.status = 'active'
   ORDER BY b.wallet_id, b.asset, b.block_number DESC) l
    ${latestPriceJoinSql('l.symbol', ref)}
   ORDER BY l.wallet_id, l.asset`;

/** The keyset of the transfers page: newest first in chain order, ties broken by id. */
export type TransferCursor = [blockNumber: string, logIndex: number, id: string];

/** A page of one employee's wallet transfers (every wallet it has had), newest first. */
export function walletTransfersPageSql(employeeId: string, limit: number, after?: TransferCursor): string {
  const where = [`w.employee_id = ${q(employeeId)}::uuid`];
  if (after) {
    where.push(`(t.block_number, t.log_index, t.id) < (${q(after[0])}::bigint, ${Math.trunc(after[1])}, ${q(after[2])}::uuid)`);
  }
  return `
  SELECT t.id, t.wallet_id, t.chain_id::text AS chain_id, w.address AS wallet_address, t.tx_hash, t.log_index,
         t.block_number::text AS block_number, ${isoTimestampSql('t.block_time')} AS block_time, t.token_address,
         t.from_address, t.to_address, t.direction, t.amount::text AS amount
    FROM wallet_transfers t JOIN wallets w ON w.id = t.wallet_id AND w.org_id = t.org_id
   WHERE ${where.join(' AND ')}
   ORDER BY t.block_number DESC, t.log_index DESC, t.id DESC
   LIMIT ${Math.trunc(limit)}`;
}

/** Every active wallet the reader may see, with its employee and health, failing first. */
export const walletHealthSql = () => `
  SELECT w.id, w.employee_id, e.name AS employee_name, w.chain_id::text AS chain_id, w.address, w.label, w.status,
         ${isoTimestampSql('w.last_poll_at')} AS last_poll_at, ${isoTimestampSql('w.last_success_at')} AS last_success_at,
         w.last_error, ${isoTimestampSql('w.failing_since')} AS failing_since, ${isoTimestampSql('w.next_poll_at')} AS next_poll_at
    FROM wallets w JOIN employees e ON e.id = w.employee_id AND e.org_id = w.org_id
   WHERE w.status = 'active'
   ORDER BY (w.failing_since IS NOT NULL) DESC, e.name, w.chain_id, w.address, w.id
   LIMIT 1000`;

/** The wallet, if the reader may see it (RLS: connections:read; an Employee only its own). */
export const visibleWalletSql = (walletId: string) => `SELECT w.id FROM wallets w WHERE w.id = ${q(walletId)}::uuid`;

/** The most recent polls of one wallet. */
export const walletPollRunsSql = (walletId: string, limit: number) => `
  SELECT r.id, r.outcome, r.duration_ms, r.counts, r.error, ${isoTimestampSql('r.started_at')} AS started_at
    FROM wallet_poll_runs r WHERE r.wallet_id = ${q(walletId)}::uuid
   ORDER BY r.started_at DESC, r.id DESC LIMIT ${Math.trunc(limit)}`;
