import pg from 'pg';
import { isoTimestampSql } from '@/lib/db/iso-timestamp-sql';
import { LATEST_BALANCES_JOIN } from '../polling/latest-balances';
import { latestPriceJoinSql, valueColumnsSql } from '../valuation/valuation.queries';

// Reads of what polling stored, under the caller's RLS scope (migration 0021): balances need
// balances:read, trades and transfers transactions:read, poll runs and health connections:read;
// an Employee sees only its own. Interpolated values are validated UUIDs, numbers, or quoted.

const q = (v: string) => pg.escapeLiteral(v);

/** Each connection's latest balance snapshot of one employee, each line valued at the newest price in `ref`. */
export const latestBalancesSql = (employeeId: string, ref: string) => `
  SELECT b.connection_id, c.venue, b.asset, b.total::text AS total, ${isoTimestampSql('b.fetched_at')} AS fetched_at,
         ${valueColumnsSql('b.total', 'b.asset', ref)}
    FROM exchange_connections c ${LATEST_BALANCES_JOIN}
    ${latestPriceJoinSql('b.asset', ref)}
   WHERE c.employee_id = ${q(employeeId)}::uuid AND c.status <> 'removed'
   ORDER BY c.venue, b.asset`;

/**
 * One employee's balances over time: one point per snapshot per asset, summed over connections,
 * valued with the price nearest before the snapshot, else the earliest after it (valuation.queries.ts).
 */
export const balanceHistorySql = (employeeId: string, sinceIso: string, ref: string) => `
  SELECT h.asset, ${isoTimestampSql('h.fetched_at')} AS at, h.total::text AS total,
         trim_scale(h.total * (CASE WHEN h.asset = ${q(ref)} THEN 1::numeric ELSE coalesce(before.price, after.price) END))::text AS value
    FROM (SELECT b.asset, b.fetched_at, sum(b.total) AS total
            FROM exchange_balances b
           WHERE b.employee_id = ${q(employeeId)}::uuid AND b.fetched_at >= ${q(sinceIso)}::timestamptz
           GROUP BY b.asset, b.fetched_at
           ORDER BY b.fetched_at, b.asset
           LIMIT 5000) h
    LEFT JOIN LATERAL (SELECT ap.price FROM asset_prices ap WHERE ap.asset = h.asset AND ap.quote = ${q(ref)}
                        AND ap.at <= h.fetched_at ORDER BY ap.at DESC LIMIT 1) before ON true
    LEFT JOIN LATERAL (SELECT ap.price FROM asset_prices ap WHERE ap.asset = h.asset AND ap.quote = ${q(ref)}
                        AND ap.at > h.fetched_at ORDER BY ap.at ASC LIMIT 1) after ON before.price IS NULL
   ORDER BY h.fetched_at, h.asset`;

/** A time window and a keyset position, shared by the activity pages (newest first by (time, id)). */
type Window = { from?: string; to?: string };

const windowSql = (time: string, id: string, w: Window, after?: [string, number]) => [
  ...(w.from ? [`${time} >= ${q(w.from)}::timestamptz`] : []),
  ...(w.to ? [`${time} < ${q(w.to)}::timestamptz`] : []),
  ...(after ? [`(${time}, ${id}) < (${q(after[0])}::timestamptz, ${Math.trunc(after[1])})`] : []),
];

export type TradeFilter = Window & { employeeId: string; symbol?: string; side?: 'buy' | 'sell' };

/** A page of trades, newest first, keyset-paged by (traded_at, id). */
export function tradesPageSql(f: TradeFilter, limit: number, after?: [string, number]): string {
  const where = [`t.employee_id = ${q(f.employeeId)}::uuid`, ...windowSql('t.traded_at', 't.id', f, after)];
  if (f.symbol) where.push(`t.symbol = ${q(f.symbol)}`);
  if (f.side) where.push(`t.side = ${q(f.side)}`);
  return `
  SELECT t.id, t.connection_id, c.venue, t.venue_trade_id, t.symbol, t.side, t.amount::text AS amount, t.price::text AS price,
         t.fee_asset, t.fee_amount::text AS fee_amount, ${isoTimestampSql('t.traded_at')} AS traded_at
    FROM exchange_trades t JOIN exchange_connections c ON c.id = t.connection_id
   WHERE ${where.join(' AND ')}
   ORDER BY t.traded_at DESC, t.id DESC
   LIMIT ${Math.trunc(limit)}`;
}

export type TransferFilter = Window & { employeeId: string; kind?: 'deposit' | 'withdrawal'; asset?: string };

/** A page of deposits and withdrawals, newest first, keyset-paged by (happened_at, id). */
export function transfersPageSql(f: TransferFilter, limit: number, after?: [string, number]): string {
  const where = [`x.employee_id = ${q(f.employeeId)}::uuid`, ...windowSql('x.happened_at', 'x.id', f, after)];
  if (f.kind) where.push(`x.kind = ${q(f.kind)}`);
  if (f.asset) where.push(`x.asset = ${q(f.asset)}`);
  return `
  SELECT x.id, x.connection_id, c.venue, x.kind, x.venue_transfer_id, x.txid, x.asset, x.amount::text AS amount,
         x.fee_asset, x.fee_amount::text AS fee_amount, x.network, x.address, x.status,
         ${isoTimestampSql('x.happened_at')} AS happened_at
    FROM exchange_transfers x JOIN exchange_connections c ON c.id = x.connection_id
   WHERE ${where.join(' AND ')}
   ORDER BY x.happened_at DESC, x.id DESC
   LIMIT ${Math.trunc(limit)}`;
}

/** The most recent polls of one connection. */
export const pollRunsSql = (connectionId: string, limit: number) => `
  SELECT r.id, r.outcome, r.duration_ms, r.counts, r.error, ${isoTimestampSql('r.started_at')} AS started_at
    FROM poll_runs r WHERE r.connection_id = ${q(connectionId)}::uuid
   ORDER BY r.started_at DESC, r.id DESC LIMIT ${Math.trunc(limit)}`;

/** Every connection the reader may see, with its employee and health, worst first. */
export const feedHealthSql = () => `
  SELECT c.id, c.employee_id, e.name AS employee_name, c.venue, c.label, c.key_fingerprint, c.status,
         ${isoTimestampSql('c.last_success_at')} AS last_success_at, c.last_error,
         ${isoTimestampSql('c.failing_since')} AS failing_since, ${isoTimestampSql('c.next_poll_at')} AS next_poll_at,
         ${isoTimestampSql('c.key_expires_at')} AS key_expires_at
    FROM exchange_connections c JOIN employees e ON e.id = c.employee_id
   WHERE c.status <> 'removed'
   ORDER BY (c.status IN ('broken', 'suspended')) DESC, (c.failing_since IS NOT NULL) DESC, e.name, c.venue, c.id
   LIMIT 1000`;
