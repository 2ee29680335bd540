import type { MikroORM } from '@mikro-orm/postgresql';
import { inScopedTransaction } from '@/lib/db/request-db';
import type { Logger } from '@/lib/logger';
import { PredictionVenueError, type PredictionVenue } from './prediction-venue';
import { storePredictionFailure, storePredictionRead, type PredictionTarget } from './prediction-store';

export type PredictionReadOutcome =
  { outcome: 'ok'; positions: number; snapshotWritten: boolean } | { outcome: 'error'; error: string };

const SCOPE = { role: 'vigil_system', source: 'holdings.prediction_ingest' } as const;

/**
 * One read of one wallet's prediction-market positions, beside its chain ingest: every position
 * is read first (all pages), then written in one transaction, or the failure alone is written.
 * It never throws: its outcome goes into the wallet's poll run, and a venue failure never turns
 * the chain ingest into one. Only the address is handed to the venue (H17).
 */
export class PredictionIngest {
  constructor(private readonly deps: { orm: MikroORM; venue: PredictionVenue; logger: Logger }) {}

  async read(target: PredictionTarget & { address: string }): Promise<PredictionReadOutcome> {
    const { venue } = this.deps;
    const t: PredictionTarget = { orgId: target.orgId, walletId: target.walletId, employeeId: target.employeeId };
    let error: string;
    try {
      const positions = await venue.positions(target.address);
      const readAt = new Date();
      const snapshotWritten = await inScopedTransaction(this.deps.orm, SCOPE, (em) =>
        storePredictionRead(em, t, venue.id, { positions, readAt }),
      );
      return { outcome: 'ok', positions: positions.length, snapshotWritten };
    } catch (err) {
      error = this.reasonOf(err, target.walletId);
    }
    try {
      await inScopedTransaction(this.deps.orm, SCOPE, (em) => storePredictionFailure(em, t, venue.id, { error, at: new Date() }));
    } catch (err) {
      this.deps.logger.error({ walletId: target.walletId, err: messageOf(err) }, 'could not record a prediction read failure');
    }
    return { outcome: 'error', error };
  }

  private reasonOf(err: unknown, walletId: string): string {
    if (err instanceof PredictionVenueError) return err.message.slice(0, 2000);
    this.deps.logger.error({ walletId, err: messageOf(err) }, 'prediction read failed');
    return 'Reading prediction-market positions failed unexpectedly; see the worker log';
  }
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));
