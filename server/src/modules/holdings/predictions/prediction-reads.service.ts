import type { Actor } from '@/core/actor';
import { requirePermission } from '@/core/access/require-access';
import { parseInput, uuid } from '@/core/graphql/validate';
import { discardAudit, type FieldAudit } from '@/core/request/audit-note';
import type { RequestDb } from '@/lib/db/request-db';
import { notFound } from '@/lib/errors/app-error';
import {
  predictionPositionsSql,
  predictionWalletsSql,
  visibleEmployeeSql,
  visibleWalletSql,
  type WalletFilter,
} from './prediction.queries';
import type { PredictionPositionType, WalletPredictionsType } from './prediction.types';
import { feedStateOf } from '../polling/feed-rows';

type Row = Record<string, unknown>;

/**
 * What prediction reads stored, for the employee page. Each read: the predictions:read
 * permission (FORBIDDEN without it, as the shield says first), then the wallet or employee it
 * names must be one the reader may see (else NOT_FOUND, like one that does not exist; an
 * Employee-bound reader without employees:read sees only its own), then RLS again on every row.
 */
export class PredictionReadsService {
  constructor(
    private readonly deps: { db: RequestDb },
    private readonly audit: FieldAudit = discardAudit,
  ) {}

  async walletPredictions(actor: Actor, walletId: unknown): Promise<WalletPredictionsType> {
    requirePermission(actor, 'predictions:read');
    const id = parseInput(uuid, walletId);
    this.audit.note({ resourceType: 'prediction', details: { walletId: id } });
    const [wallet] = await this.deps.db.readRows<Row>(visibleWalletSql(id));
    if (!wallet) throw notFound('Wallet');
    const [found] = await this.read({ walletId: id });
    if (!found) throw notFound('Wallet');
    return found;
  }

  async employeePredictions(actor: Actor, employeeId: unknown): Promise<WalletPredictionsType[]> {
    requirePermission(actor, 'predictions:read');
    const id = parseInput(uuid, employeeId);
    this.audit.note({ resourceType: 'prediction', details: { employeeId: id } });
    const [employee] = await this.deps.db.readRows<Row>(visibleEmployeeSql(id));
    if (!employee) throw notFound('Employee');
    return this.read({ employeeId: id });
  }

  private async read(filter: WalletFilter): Promise<WalletPredictionsType[]> {
    const [wallets, positions] = await this.deps.db.readResults<[Row, Row]>(
      [predictionWalletsSql(filter), predictionPositionsSql(filter)],
      this.audit.alongside,
    );
    const byWallet = new Map<string, PredictionPositionType[]>();
    for (const p of positions) {
      const list = byWallet.get(p.wallet_id as string) ?? [];
      list.push(toPosition(p));
      byWallet.set(p.wallet_id as string, list);
    }
    return wallets.map((w) => ({
      walletId: w.wallet_id as string,
      employeeId: w.employee_id as string,
      chainId: Number(w.chain_id),
      address: w.address as string,
      label: w.label as string,
      venue: 'polymarket',
      asOf: (w.as_of as string | null) ?? null,
      ...feedStateOf(w),
      positions: byWallet.get(w.wallet_id as string) ?? [],
    }));
  }
}

const toPosition = (r: Row): PredictionPositionType => ({
  conditionId: r.condition_id as string,
  asset: r.asset as string,
  market: r.market as string,
  outcome: r.outcome as string,
  size: r.size as string,
  avgPrice: r.avg_price as string,
  currentValue: r.current_value as string,
  curPrice: (r.cur_price as string | null) ?? null,
});
