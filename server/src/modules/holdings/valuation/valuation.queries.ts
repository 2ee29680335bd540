import pg from 'pg';
import { isoTimestampSql } from '@/lib/db/iso-timestamp-sql';
import { LATEST_BALANCES_JOIN } from '../polling/latest-balances';

// Valuation in SQL: numeric multiplies and sums exactly, so no value passes through a float.
// Reads run under the caller's RLS scope: prices are readable by any request (migration 0023),
// the balances they multiply only as their own policies allow. Interpolated values are validated
// UUIDs, the configured currency, or quoted.

const q = (v: string) => pg.escapeLiteral(v);

/** A wallet snapshot's raw integer amount in whole tokens, exactly (1e-18 parses as an exact numeric). */
export const wholeTokensSql = (amount: string, decimals: string) => `(${amount} * ('1e-' || ${decimals})::numeric)`;

/**
 * The newest price of `asset` in `ref` as a join named `alias` (columns price, at), from the
 * newest price kept per (asset, quote) (migration 0027). The reference currency itself is 1 by
 * definition: use `priceSql` for the price.
 */
export const latestPriceJoinSql = (asset: string, ref: string, alias = 'p') => `LEFT JOIN asset_prices_latest ${alias}
    ON ${alias}.asset = ${asset} AND ${alias}.quote = ${q(ref)} AND ${asset} <> ${q(ref)}`;

/** The price `latestPriceJoinSql` found, or 1 for the reference currency itself; NULL: unpriced. */
export const priceSql = (asset: string, ref: string, alias = 'p') =>
  `(CASE WHEN ${asset} = ${q(ref)} THEN 1::numeric ELSE ${alias}.price END)`;

/** Value columns for a row: value (exact decimal text, NULL when unpriced), priced, price_at. */
export const valueColumnsSql = (amount: string, asset: string, ref: string, alias = 'p') =>
  `trim_scale(${amount} * ${priceSql(asset, ref, alias)})::text AS value,
   (${priceSql(asset, ref, alias)} IS NOT NULL) AS priced,
   ${isoTimestampSql(`${alias}.at`)} AS price_at`;

/**
 * Where a value is read from: `employeeIds`, a subquery naming the employees; `liveConnections`,
 * a relation of their non-removed connections with at least (id, employee_id, balances_at): the
 * roster has read them once already, for health, and passes that reading.
 */
export type ValuedEmployees = { employeeIds: string; liveConnections: string };

/**
 * What each employee holds now, one row per (employee, asset): every live connection's latest
 * snapshot and every active wallet's latest balance per asset, summed.
 */
const heldNowSql = ({ employeeIds, liveConnections }: ValuedEmployees) => `SELECT employee_id, asset, sum(amount) AS amount FROM (
    SELECT c.employee_id, b.asset, b.total AS amount
      FROM ${liveConnections} c ${LATEST_BALANCES_JOIN}
    UNION ALL
    SELECT w.employee_id, s.symbol, ${wholeTokensSql('s.amount', 's.decimals')}
      FROM wallets w
      JOIN LATERAL (SELECT DISTINCT ON (b.asset) b.symbol, b.decimals, b.amount
                      FROM wallet_balance_snapshots b WHERE b.wallet_id = w.id AND b.org_id = w.org_id
                     ORDER BY b.asset, b.block_number DESC) s ON true
     WHERE w.employee_id IN (${employeeIds}) AND w.status = 'active') held
   GROUP BY employee_id, asset`;

/**
 * Per employee of `of`: the sum of its priced holdings (NULL when none is priced) and how many
 * held assets (non-zero) have no price. Employees holding nothing have no row. `ref` is SQL for
 * the reference currency (a bound parameter). Prices are the newest kept per (asset, quote)
 * (migration 0027): one join on (asset, quote), however long the price history grows.
 */
export const employeeValuesSql = (of: ValuedEmployees, ref: string) => `
  SELECT h.employee_id,
         trim_scale(sum(h.amount * CASE WHEN h.asset = ${ref} THEN 1::numeric ELSE p.price END))::text AS total_value,
         (count(*) FILTER (WHERE h.asset <> ${ref} AND p.price IS NULL AND h.amount <> 0))::int AS unpriced_assets
    FROM (${heldNowSql(of)}) h
    LEFT JOIN asset_prices_latest p ON p.asset = h.asset AND p.quote = ${ref}
   GROUP BY h.employee_id`;

/**
 * One employee's total value at each time one of its holdings changed in the window: each
 * connection's snapshot (and each wallet asset's) holds until the next one, so at every such time
 * the employee holds the latest of each. A holding is valued with the price nearest before that
 * time, else the earliest after it (a snapshot older than the first price); the reference
 * currency is 1. Removed connections and wallets are left out, as in the value now.
 */
export const valueHistorySql = (employeeId: string, sinceIso: string, ref: string) => `
  WITH lines AS (
    SELECT 'c:' || b.connection_id AS slot, b.fetched_at AS at, b.asset, b.total AS amount
      FROM exchange_balances b JOIN exchange_connections c ON c.id = b.connection_id
     WHERE b.employee_id = ${q(employeeId)}::uuid AND c.status <> 'removed'
    UNION ALL
    -- Two blocks of one second: the later block's balance is the one held at that time.
    SELECT 'w:' || w.id || ':' || s.asset, s.at, s.symbol, ${wholeTokensSql('s.amount', 's.decimals')}
      FROM wallets w
      JOIN LATERAL (SELECT DISTINCT ON (b.asset, b.at) b.asset, b.at, b.symbol, b.decimals, b.amount
                      FROM wallet_balance_snapshots b WHERE b.wallet_id = w.id AND b.org_id = w.org_id
                     ORDER BY b.asset, b.at, b.block_number DESC) s ON true
     WHERE w.employee_id = ${q(employeeId)}::uuid AND w.status = 'active'),
  slots AS (
    SELECT slot, at, lead(at) OVER (PARTITION BY slot ORDER BY at) AS until FROM (SELECT DISTINCT slot, at FROM lines) d),
  times AS (
    SELECT DISTINCT at FROM lines WHERE at >= ${q(sinceIso)}::timestamptz ORDER BY at DESC LIMIT 2000),
  held AS (
    SELECT t.at AS t, l.asset, sum(l.amount) AS amount
      FROM times t
      JOIN slots s ON s.at <= t.at AND (s.until IS NULL OR s.until > t.at)
      JOIN lines l ON l.slot = s.slot AND l.at = s.at
     GROUP BY t.at, l.asset),
  valued AS (
    SELECT h.t, h.amount,
           CASE WHEN h.asset = ${q(ref)} THEN 1::numeric ELSE coalesce(before.price, after.price) END AS price
      FROM held h
      LEFT JOIN LATERAL (SELECT ap.price FROM asset_prices ap WHERE ap.asset = h.asset AND ap.quote = ${q(ref)}
                          AND ap.at <= h.t ORDER BY ap.at DESC LIMIT 1) before ON true
      LEFT JOIN LATERAL (SELECT ap.price FROM asset_prices ap WHERE ap.asset = h.asset AND ap.quote = ${q(ref)}
                          AND ap.at > h.t ORDER BY ap.at ASC LIMIT 1) after ON before.price IS NULL)
  SELECT ${isoTimestampSql('v.t')} AS at,
         trim_scale(sum(v.amount * v.price))::text AS value,
         (count(*) FILTER (WHERE v.price IS NULL AND v.amount <> 0))::int AS unpriced_assets
    FROM valued v
   GROUP BY v.t
   ORDER BY v.t`;

/** Every asset held now across every organization (the worker, as vigil_system): what to price. */
export const heldAssetsSql = () => `
  SELECT DISTINCT asset FROM (
    SELECT b.asset FROM exchange_connections c ${LATEST_BALANCES_JOIN} WHERE c.status <> 'removed'
    UNION
    SELECT s.symbol FROM wallet_balance_snapshots s JOIN wallets w ON w.id = s.wallet_id AND w.org_id = s.org_id
     WHERE w.status = 'active') held
   ORDER BY asset`;

/** One refresh's prices, all at one time; a second refresh in the same millisecond adds nothing. */
export const insertPricesSql = (rows: readonly { asset: string; price: string }[], quote: string, at: Date, source: string) => `
  INSERT INTO asset_prices (asset, quote, price, at, source)
  VALUES ${rows.map((r) => `(${q(r.asset)}, ${q(quote)}, ${q(r.price)}::numeric, ${q(at.toISOString())}::timestamptz, ${q(source)})`).join(',\n         ')}
  ON CONFLICT ON CONSTRAINT asset_prices_asset_quote_at_key DO NOTHING`;
