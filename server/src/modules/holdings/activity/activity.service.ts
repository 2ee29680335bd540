import { z } from 'zod';
import type { Actor } from '@/core/actor';
import type { ObjectAccess } from '@/core/access/require-access';
import { decodeCursor, encodeCursor } from '@/core/graphql/cursor';
import { pageSize, parseInput, uuid } from '@/core/graphql/validate';
import { discardAudit, type FieldAudit } from '@/core/request/audit-note';
import type { RequestDb } from '@/lib/db/request-db';
import { valueHistorySql } from '../valuation/valuation.queries';
import { balanceHistorySql, feedHealthSql, latestBalancesSql, pollRunsSql, tradesPageSql } from './activity.queries';
import type { BalancePointType, FeedHealthType, HeldBalanceType, PollRunType, TradeType, ValuePointType } from './activity.types';
import { readableEmployee } from './readable-employee';
import { feedHealthOf, pollRunOf } from '../polling/feed-rows';

const tradeFilter = z.object({
  employeeId: uuid,
  first: pageSize,
  after: z.string().max(1000).nullish(),
  symbol: z.string().trim().min(1).max(64).nullish(),
  side: z.enum(['buy', 'sell']).nullish(),
  from: z.date().nullish(),
  to: z.date().nullish(),
});

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
    const after = f.after ? (decodeCursor(f.after, ['string', 'number']) as [string, number]) : undefined;
    if (after && Number.isNaN(Date.parse(after[0]))) parseInput(z.iso.datetime(), after[0]);
    const id = await readableEmployee(this.deps.access, this.audit, actor, f.employeeId, 'transactions:read', 'transaction');
    this.audit.note({ details: { symbol: f.symbol ?? undefined, side: f.side ?? undefined } });
    const rows = await this.deps.db.readRows<Row>(
      tradesPageSql(
        {
          employeeId: id,
          ...(f.symbol ? { symbol: f.symbol } : {}),
          ...(f.side ? { side: f.side } : {}),
          ...(f.from ? { from: f.from.toISOString() } : {}),
          ...(f.to ? { to: f.to.toISOString() } : {}),
        },
        f.first + 1,
        after,
      ),
      this.audit.alongside,
    );
    const page = rows.slice(0, f.first).map(toTrade);
    const last = page[page.length - 1];
    return {
      nodes: page,
      pageInfo: { hasNextPage: rows.length > f.first, endCursor: last ? encodeCursor([last.tradedAt, Number(last.id)]) : null },
    };
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
