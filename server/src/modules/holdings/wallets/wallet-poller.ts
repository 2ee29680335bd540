import type { MikroORM } from '@mikro-orm/postgresql';
import type { ChainConfig } from '@/config/chains';
import { inScopedTransaction } from '@/lib/db/request-db';
import { AppError } from '@/lib/errors/app-error';
import type { Logger } from '@/lib/logger';
import {
  ChainChangedDuringReadError,
  ChainUnavailableError,
  EthersChainReader,
  ormIngestDb,
  RangeRefusedError,
  ReorgBeyondWindowError,
  WalletIngestService,
  type WalletIngestResult,
} from '../chains';
import type { PredictionIngest, PredictionReadOutcome } from '../predictions';

export type WalletPollerDeps = {
  orm: MikroORM;
  chains: readonly ChainConfig[];
  logger: Logger;
  /** Reads the wallet's prediction-market positions beside the chain ingest; none when no venue is configured. */
  predictions?: PredictionIngest;
};

type PollTargetRow = { id: string; org_id: string; employee_id: string; chain_id: string; address: string };

const SCOPE = { role: 'vigil_system', source: 'holdings.wallet_poller' } as const;

// A wallet still polled: active, of an employee who is polled (as claimDueWallets chooses).
const LOAD_TARGET = `SELECT w.id, w.org_id, w.employee_id, w.chain_id::text AS chain_id, w.address
  FROM wallets w JOIN employees e ON e.id = w.employee_id AND e.org_id = w.org_id
 WHERE w.id = ? AND w.status = 'active' AND e.status IN ('active', 'needs_reonboarding')`;

const RECORD_RUN = `INSERT INTO wallet_poll_runs (org_id, wallet_id, employee_id, chain_id, started_at, finished_at, outcome, duration_ms, counts, error,
                              predictions_outcome, predictions_error)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)`;
const MARK_OK = `UPDATE wallets SET last_poll_at = ?, last_success_at = ?, last_error = NULL, failing_since = NULL WHERE id = ?`;
// failing_since keeps the first failure of a run of failures: "stale since when".
const MARK_FAILED = `UPDATE wallets SET last_poll_at = ?, last_error = ?, failing_since = coalesce(failing_since, ?) WHERE id = ?`;

/**
 * One poll of one wallet: the chain ingest for its chain (transfers past the confirmation depth,
 * balances, reorg repair), then its outcome on the wallet row and in wallet_poll_runs. The ingest
 * writes all of a run or nothing; a failed run writes only its outcome, so the last good snapshot
 * stays and shows as stale since failing_since. Only the address reaches the chain (H17).
 */
export class WalletPoller {
  private readonly readers = new Map<number, EthersChainReader>();

  constructor(private readonly deps: WalletPollerDeps) {}

  async poll(walletId: string): Promise<'ok' | 'error' | 'skipped'> {
    const startedAt = new Date();
    const [target] = await inScopedTransaction(this.deps.orm, SCOPE, (em) =>
      em.execute<PollTargetRow[]>(LOAD_TARGET, [walletId]),
    );
    if (!target) return 'skipped';
    // Positions are read beside the chain ingest, and each records its own outcome: one's
    // failure is never the other's.
    const predictions = this.deps.predictions?.read({
      orgId: target.org_id,
      walletId: target.id,
      employeeId: target.employee_id,
      address: target.address,
    });
    const outcome = await this.ingestChain(target);
    return this.finish(target, startedAt, outcome, await predictions);
  }

  private async ingestChain(target: PollTargetRow): Promise<{ result: WalletIngestResult } | { error: string }> {
    const chain = this.deps.chains.find((c) => String(c.chainId) === target.chain_id);
    if (!chain) return { error: `chain ${target.chain_id} is no longer configured` };
    try {
      return { result: await this.service(chain).ingest({ orgId: target.org_id, walletId: target.id, address: target.address }) };
    } catch (err) {
      return { error: this.reasonOf(err, target.id) };
    }
  }

  /** Ends every chain connection this poller opened (worker shutdown). */
  close(): void {
    for (const reader of this.readers.values()) reader.close();
    this.readers.clear();
  }

  private service(chain: ChainConfig): WalletIngestService {
    let reader = this.readers.get(chain.chainId);
    if (!reader) {
      reader = new EthersChainReader({ chainId: chain.chainId, rpcUrls: chain.rpcUrls });
      this.readers.set(chain.chainId, reader);
    }
    return new WalletIngestService(ormIngestDb(this.deps.orm), reader, chain);
  }

  private async finish(
    target: PollTargetRow,
    startedAt: Date,
    outcome: { result: WalletIngestResult } | { error: string },
    predictions: PredictionReadOutcome | undefined,
  ): Promise<'ok' | 'error'> {
    const finishedAt = new Date();
    const ok = 'result' in outcome;
    const counts = ok
      ? {
          transfersNew: outcome.result.transfersNew,
          transfersSeen: outcome.result.transfersSeen,
          snapshotsWritten: outcome.result.snapshotsWritten,
          blocksRead: outcome.result.read ? outcome.result.read.toBlock - outcome.result.read.fromBlock + 1 : 0,
        }
      : {};
    const predictionCounts =
      predictions?.outcome === 'ok'
        ? { predictionPositions: predictions.positions, predictionSnapshotsWritten: predictions.snapshotWritten ? 1 : 0 }
        : {};
    const error = ok ? null : outcome.error.slice(0, 2000);
    await inScopedTransaction(this.deps.orm, SCOPE, async (em) => {
      await em.execute(RECORD_RUN, [
        target.org_id,
        target.id,
        target.employee_id,
        target.chain_id,
        startedAt,
        finishedAt,
        ok ? 'ok' : 'error',
        finishedAt.getTime() - startedAt.getTime(),
        JSON.stringify({ ...counts, ...predictionCounts }),
        error,
        predictions?.outcome ?? null,
        predictions?.outcome === 'error' ? predictions.error.slice(0, 2000) : null,
      ]);
      if (ok) await em.execute(MARK_OK, [finishedAt, finishedAt, target.id]);
      else await em.execute(MARK_FAILED, [finishedAt, error, startedAt, target.id]);
    });
    return ok ? 'ok' : 'error';
  }

  /**
   * What the feed-health page may show of a failure. The ingest's own errors name no RPC URL (a
   * provider's URL holds its API key); anything else is logged here and shown generically.
   */
  private reasonOf(err: unknown, walletId: string): string {
    if (
      err instanceof ChainUnavailableError ||
      err instanceof ReorgBeyondWindowError ||
      err instanceof ChainChangedDuringReadError ||
      err instanceof RangeRefusedError ||
      err instanceof AppError
    ) {
      return err.message;
    }
    this.deps.logger.error({ walletId, err: err instanceof Error ? err.message : String(err) }, 'wallet poll failed');
    return 'The chain ingest failed unexpectedly; see the worker log';
  }
}
