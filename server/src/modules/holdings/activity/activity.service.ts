import { z } from 'zod';
import type { Actor } from '@/core/actor';
import type { ObjectAccess } from '@/core/access/require-access';
import { decodeCursor, encodeCursor } from '@/core/graphql/cursor';
import { pageSize, parseInput, uuid } from '@/core/graphql/validate';
import { discardAudit, type FieldAudit } from '@/core/request/audit-note';
import type { RequestDb } from '@/lib/db/request-db';
import { valueHistorySql } from '../valuation/valuation.queries';
import {
  balanceHistorySql,
  feedHealthSql,
  latestBalancesSql,
  pollRunsSql,
  tradesPageSql,
  transfersPageSql,
} from './activity.queries';
import type {
  BalancePointType,
  ExchangeTransferType,
  FeedHealthType,
  HeldBalanceType,
  PollRunType,
  TradeType,
  ValuePointType,
} from './activity.types';
import { readableEmployee } from './readable-employee';
import { feedHealthOf, pollRunOf } from '../polling/feed-rows';

// What every activity page takes: whose, how many, after which row, in which time window.
const pageInput = z.object({
  employeeId: uuid,
  first: pageSize,
  after: z.string().max(1000).nullish(),
  from: z.date().nullish(),
  to: z.date().nullish(),
});

const tradeFilter = pageInput.extend({
  symbol: z.string().trim().min(1).max(64).nullish(),
  side: z.enum(['buy', 'sell']).nullish(),
});

const transferFilter = pageInput.extend({
  kind: z.enum(['deposit', 'withdrawal']).nullish(),
  // Venues' asset codes are upper case (ccxt's unified codes): "eth" finds ETH.
  asset: z
    .string()
    .trim()
    .min(1)
    .max(32)
    .transform((a) => a.toUpperCase())
    .nullish(),
});

/** A page's keyset cursor, (time, id): a forged or foreign one is BAD_USER_INPUT. */
function timeCursor(after: string | null | undefined): [string, number] | undefined {
  if (!after) return undefined;
  const cursor = decodeCursor(after, ['string', 'number']) as [string, number];
  if (Number.isNaN(Date.parse(cursor[0]))) parseInput(z.iso.datetime(), cursor[0]);
  return cursor;
}

/** The time window as the SQL takes it. */
const windowOf = (f: { from?: Date | null; to?: Date | null }) => ({
  ...(f.from ? { from: f.from.toISOString() } : {}),
  ...(f.to ? { to: f.to.toISOString() } : {}),
});

/** `first` rows of `rows` (read with one more), and where the next page starts. */
function keysetPage<N extends { id: string }>(rows: Row[], first: number, toNode: (r: Row) => N, timeOf: (n: N) => string) {
  const nodes = rows.slice(0, first).map(toNode);
  const last = nodes[nodes.length - 1];
  return {
    nodes,
    pageInfo: { hasNextPage: rows.length > first, endCursor: last ? encodeCursor([timeOf(last), Number(last.id)]) : null },
  };
}

type Row = Record<string, unknown>;

/**
 * What polling read, for the console's employee page and feed-health page. Every read goes
 * through the shield's permission, the access check on the employee or connection it names
 * (an employee the reader may not see is "not found"), and RLS.
 */
export class ActivityService {
  constructor(
    /** referenceCurrency: REFERENCE_CURRENCY, what values are in. */
    private readonly deps: { db: RequestDb; access: ObjectAccess; referenceCurrency: string },
    private readonly audit: FieldAudit = discardAudit,
  ) {}

  async latestBalances(actor: Actor, employeeId: string): Promise<HeldBalanceType[]> {
    const id = await readableEmployee(this.deps.access, this.audit, actor, employeeId, 'balances:read', 'balance');
    const rows = await this.deps.db.readRows<Row>(latestBalancesSql(id, this.deps.referenceCurrency), this.audit.alongside);
    return rows.map((r) => ({
      connectionId: r.connection_id as string,
      venue: r.venue as string,
      asset: r.asset as string,
      total: r.total as string,
      fetchedAt: r.fetched_at as string,
      value: (r.value as string | null) ?? null,
      priced: r.priced === true,
      priceAt: (r.price_at as string | null) ?? null,
    }));
  }

  async balanceHistory(actor: Actor, employeeId: string, days: number): Promise<BalancePointType[]> {
    const id = await readableEmployee(this.deps.access, this.audit, actor, employeeId, 'balances:read', 'balance');
    const span = parseInput(z.number().int().min(1).max(366), days);
    const since = new Date(Date.now() - span * 86_400_000).toISOString();
    const rows = await this.deps.db.readRows<Row>(
      balanceHistorySql(id, since, this.deps.referenceCurrency),
      this.audit.alongside,
    );
    return rows.map((r) => ({
      asset: r.asset as string,
      at: r.at as string,
      total: r.total as string,
      value: (r.value as string | null) ?? null,
    }));
  }

  /** The employee's total value over the last `days` days, at each time one of its holdings changed. */
  async valueHistory(actor: Actor, employeeId: string, days: number): Promise<ValuePointType[]> {
    const id = await readableEmployee(this.deps.access, this.audit, actor, employeeId, 'balances:read', 'balance');
    const span = parseInput(z.number().int().min(1).max(366), days);
    const since = new Date(Date.now() - span * 86_400_000).toISOString();
    const rows = await this.deps.db.readRows<Row>(valueHistorySql(id, since, this.deps.referenceCurrency), this.audit.alongside);
    return rows.map((r) => ({
      at: r.at as string,
      value: (r.value as string | null) ?? null,
      unpricedAssets: Number(r.unpriced_assets),
    }));
  }

  async trades(actor: Actor, input: unknown) {
    const f = parseInput(tradeFilter, input);
    // Input first (a bad cursor is BAD_USER_INPUT whoever asks), then access.
    const after = timeCursor(f.after);
    const id = await readableEmployee(this.deps.access, this.audit, actor, f.employeeId, 'transactions:read', 'transaction');
    this.audit.note({ details: { symbol: f.symbol ?? undefined, side: f.side ?? undefined } });
    const filter = {
      employeeId: id,
      ...windowOf(f),
      ...(f.symbol ? { symbol: f.symbol } : {}),
      ...(f.side ? { side: f.side } : {}),
    };
    const rows = await this.deps.db.readRows<Row>(tradesPageSql(filter, f.first + 1, after), this.audit.alongside);
    return keysetPage(rows, f.first, toTrade, (t) => t.tradedAt);
  }

  /** Deposits and withdrawals, newest first: what moved into or out of the employee's exchange accounts. */
  async transfers(actor: Actor, input: unknown) {
    const f = parseInput(transferFilter, input);
    const after = timeCursor(f.after);
    const id = await readableEmployee(this.deps.access, this.audit, actor, f.employeeId, 'transactions:read', 'transaction');
    this.audit.note({ details: { kind: f.kind ?? undefined, asset: f.asset ?? undefined } });
    const filter = {
      employeeId: id,
      ...windowOf(f),
      ...(f.kind ? { kind: f.kind } : {}),
      ...(f.asset ? { asset: f.asset } : {}),
    };
    const rows = await this.deps.db.readRows<Row>(transfersPageSql(filter, f.first + 1, after), this.audit.alongside);
    return keysetPage(rows, f.first, toTransfer, (t) => t.happenedAt);
  }

  async pollRuns(actor: Actor, connectionId: string, first: number): Promise<PollRunType[]> {
    await this.deps.access.require(actor, 'connections:read');
    const id = parseInput(uuid, connectionId);
    const limit = parseInput(pageSize, first);
    this.audit.note({ resourceType: 'connection', resourceId: id });
    await this.deps.access.require(actor, 'connections:read', [id]);
    const rows = await this.deps.db.readRows<Row>(pollRunsSql(id, limit), this.audit.alongside);
    return rows.map(pollRunOf);
  }

  async feedHealth(actor: Actor): Promise<FeedHealthType[]> {
    await this.deps.access.require(actor, 'connections:read');
    this.audit.note({ resourceType: 'connection' });
    const rows = await this.deps.db.readRows<Row>(feedHealthSql(), this.audit.alongside);
    return rows.map((r) => ({
      ...feedHealthOf(r),
      connectionId: r.id as string,
      venue: r.venue as string,
      keyFingerprint: r.key_fingerprint as string,
      status: r.status as string,
      keyExpiresAt: (r.key_expires_at as string | null) ?? null,
    }));
  }
}

const toTrade = (r: Row): TradeType => ({
  id: String(r.id),
  connectionId: r.connection_id as string,
  venue: r.venue as string,
  venueTradeId: r.venue_trade_id as string,
  symbol: r.symbol as string,
  side: r.side as string,
  amount: r.amount as string,
  price: r.price as string,
  feeAsset: (r.fee_asset as string | null) ?? null,
  feeAmount: (r.fee_amount as string | null) ?? null,
  tradedAt: r.traded_at as string,
});

const toTransfer = (r: Row): ExchangeTransferType => ({
  id: String(r.id),
  connectionId: r.connection_id as string,
  venue: r.venue as string,
  kind: r.kind as string,
  venueTransferId: r.venue_transfer_id as string,
  txid: (r.txid as string | null) ?? null,
  asset: r.asset as string,
  amount: r.amount as string,
  feeAsset: (r.fee_asset as string | null) ?? null,
  feeAmount: (r.fee_amount as string | null) ?? null,
  network: (r.network as string | null) ?? null,
  address: (r.address as string | null) ?? null,
  status: r.status as string,
  happenedAt: r.happened_at as string,
});
