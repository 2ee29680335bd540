import type { EntityManager } from '@mikro-orm/postgresql';
import type { ActivityPage, BalanceSnapshot, ScopeProof } from '../exchanges/exchange-adapter';
import { scopeProofRecord } from '../connections/scope-proof-record';
import { LATEST_BALANCES_JOIN } from './latest-balances';
import type { PollTarget } from './poll-target';

export type PollOutcome = 'ok' | 'auth_failed' | 'rate_limited' | 'error' | 'scope_widened' | 'scope_unknown';
export type PollCounts = { balances: number; trades: number; deposits: number; withdrawals: number; newRecords: number };

/**
 * Writes one successful poll in the caller's transaction: the balance snapshot (only when it
 * differs from the last one, so a chart is a step line and an idle account adds no rows), trades
 * and transfers upserted by the venue's own ids (a record read twice is stored once), the new
 * cursor, and the connection's health. Nothing is written before everything was read, so a poll
 * that fails half way leaves the last good snapshot as it was.
 */
export async function storePollResults(
  em: EntityManager,
  t: PollTarget,
  read: { balances: BalanceSnapshot; activity: ActivityPage; proof: ScopeProof },
): Promise<PollCounts> {
  const balances = await storeBalancesIfChanged(em, t, read.balances);
  const trades = await upsertTrades(em, t, read.activity);
  const transfers = await upsertTransfers(em, t, read.activity);
  await em.execute(
    `UPDATE exchange_connections
        SET cursors = jsonb_set(cursors, '{activity}', to_jsonb(?::text)), last_poll_at = now(), last_success_at = now(),
            last_error = NULL, failing_since = NULL, scope_proof = ?::jsonb, scope_checked_at = ?, key_expires_at = ?,
            updated_at = now()
      WHERE id = ?`,
    [
      read.activity.cursor,
      JSON.stringify(scopeProofRecord(read.proof)),
      read.proof.checkedAt,
      read.proof.expiresAt ?? null,
      t.id,
    ],
  );
  return {
    balances,
    trades: read.activity.trades.length,
    deposits: read.activity.deposits.length,
    withdrawals: read.activity.withdrawals.length,
    newRecords: trades + transfers,
  };
}

async function storeBalancesIfChanged(em: EntityManager, t: PollTarget, snapshot: BalanceSnapshot): Promise<number> {
  const lines = snapshot.lines.filter((l) => l.asset.length > 0 && l.asset.length <= 32);
  const last = await em.execute<{ asset: string; total: string; free: string; used: string }[]>(
    `SELECT b.asset, b.total::text, b.free::text, b.used::text FROM exchange_connections c ${LATEST_BALANCES_JOIN}
      WHERE c.id = ?`,
    [t.id],
  );
  const key = (rows: { asset: string; total: string; free: string; used: string }[]) =>
    rows
      .map((r) => `${r.asset}:${Number(r.total)}:${Number(r.free)}:${Number(r.used)}`)
      .sort()
      .join('|');
  if (last.length > 0 && key(last) === key(lines)) return 0;
  // An account emptied since the last snapshot: each asset it held is now zero.
  const toStore = lines.length > 0 ? lines : last.map((r) => ({ asset: r.asset, total: '0', free: '0', used: '0' }));
  if (toStore.length === 0) return 0;
  await em.execute(
    `INSERT INTO exchange_balances (org_id, connection_id, employee_id, fetched_at, asset, total, free, used)
     SELECT ?, ?, ?, ?, l.asset, l.total::numeric, l.free::numeric, l.used::numeric
       FROM jsonb_to_recordset(?::jsonb) AS l(asset text, total text, free text, used text)`,
    [t.orgId, t.id, t.employeeId, snapshot.fetchedAt, JSON.stringify(toStore)],
  );
  return toStore.length;
}

async function upsertTrades(em: EntityManager, t: PollTarget, page: ActivityPage): Promise<number> {
  if (page.trades.length === 0) return 0;
  const rows = await em.execute<{ id: string }[]>(
    `INSERT INTO exchange_trades (org_id, connection_id, employee_id, venue_trade_id, order_id, symbol, side, amount, price, cost,
                                  fee_asset, fee_amount, traded_at)
     SELECT ?, ?, ?, r."venueId", r."orderId", r.symbol, r.side, r.amount::numeric, r.price::numeric, r.cost::numeric,
            r."feeAsset", r."feeAmount"::numeric, r.timestamp::timestamptz
       FROM jsonb_to_recordset(?::jsonb) AS r("venueId" text, "orderId" text, symbol text, side text, amount text, price text,
                                              cost text, "feeAsset" text, "feeAmount" text, timestamp text)
     ON CONFLICT (connection_id, venue_trade_id) DO NOTHING
     RETURNING id`,
    [
      t.orgId,
      t.id,
      t.employeeId,
      JSON.stringify(
        page.trades.map((tr) => ({
          venueId: tr.venueId,
          orderId: tr.orderId ?? null,
          symbol: tr.symbol,
          side: tr.side,
          amount: tr.amount,
          price: tr.price,
          cost: tr.cost ?? null,
          feeAsset: tr.fee?.asset ?? null,
          feeAmount: tr.fee?.amount ?? null,
          timestamp: tr.timestamp.toISOString(),
        })),
      ),
    ],
  );
  return rows.length;
}

async function upsertTransfers(em: EntityManager, t: PollTarget, page: ActivityPage): Promise<number> {
  const all = [...page.deposits, ...page.withdrawals];
  if (all.length === 0) return 0;
  // A transfer's status moves (pending → ok): a later read updates it in place.
  const rows = await em.execute<{ inserted: boolean }[]>(
    `INSERT INTO exchange_transfers (org_id, connection_id, employee_id, kind, venue_transfer_id, txid, asset, amount, fee_asset,
                                     fee_amount, network, address, status, happened_at)
     SELECT ?, ?, ?, r.kind, r."venueId", r.txid, r.asset, r.amount::numeric, r."feeAsset", r."feeAmount"::numeric, r.network,
            r.address, r.status, r.timestamp::timestamptz
       FROM jsonb_to_recordset(?::jsonb) AS r(kind text, "venueId" text, txid text, asset text, amount text, "feeAsset" text,
                                              "feeAmount" text, network text, address text, status text, timestamp text)
     ON CONFLICT (connection_id, kind, venue_transfer_id) DO UPDATE SET status = EXCLUDED.status, txid = coalesce(EXCLUDED.txid, exchange_transfers.txid)
       WHERE exchange_transfers.status IS DISTINCT FROM EXCLUDED.status
     RETURNING (xmax = 0) AS inserted`,
    [
      t.orgId,
      t.id,
      t.employeeId,
      JSON.stringify(
        all.map((r) => ({
          kind: r.kind,
          venueId: r.venueId,
          txid: r.txid ?? null,
          asset: r.asset,
          amount: r.amount,
          feeAsset: r.fee?.asset ?? null,
          feeAmount: r.fee?.amount ?? null,
          network: r.network ?? null,
          address: r.address ?? null,
          status: r.status,
          timestamp: r.timestamp.toISOString(),
        })),
      ),
    ],
  );
  return rows.filter((r) => r.inserted).length;
}

/** One row per poll, whatever its outcome: no silent gaps. */
export async function recordPollRun(
  em: EntityManager,
  t: Pick<PollTarget, 'id' | 'orgId' | 'employeeId'>,
  run: { startedAt: Date; outcome: PollOutcome; counts?: PollCounts; error?: string },
): Promise<void> {
  const finished = new Date();
  await em.execute(
    `INSERT INTO poll_runs (org_id, connection_id, employee_id, started_at, finished_at, outcome, duration_ms, counts, error)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)`,
    [
      t.orgId,
      t.id,
      t.employeeId,
      run.startedAt,
      finished,
      run.outcome,
      Math.max(0, finished.getTime() - run.startedAt.getTime()),
      JSON.stringify(run.counts ?? {}),
      run.error?.slice(0, 2000) ?? null,
    ],
  );
}
