import type { MikroORM } from '@mikro-orm/postgresql';
import { scopePreamble } from '@/lib/db/db-scope';
import { withRawClient } from '@/lib/db/raw-client';
import { signedRecordsJson, type AuditEntryInput, type EntrySigner } from './audit-entry';
import { auditInsertSql } from './audit-sql';

type Pending = { entries: readonly AuditEntryInput[]; resolve: () => void; reject: (err: unknown) => void };

export type AuditBatcherOptions = {
  /** Entries per INSERT at most; more wait for the next flush. */
  maxBatch?: number;
  /** The system source recorded in the flush transaction's settings. */
  source?: string;
};

export type AuditBatcherStats = { flushes: number; entries: number; largestFlush: number };

/**
 * Group commit for entries that have no transaction of their own (reads, denied attempts).
 * `append` resolves once its entries are committed. While a flush is in flight, new entries
 * queue and all of them go out together in the next flush: one round trip, one multi-row
 * INSERT, one commit, however many requests are waiting.
 *
 * Call `append` after the request has given back its own pooled connection: each flush borrows
 * one, and requests that held theirs while waiting could exhaust the pool.
 */
export class AuditBatcher {
  private queue: Pending[] = [];
  private flushing: Promise<void> | null = null;
  private readonly maxBatch: number;
  private readonly preamble: string;
  readonly stats: AuditBatcherStats = { flushes: 0, entries: 0, largestFlush: 0 };

  /** `signer` signs each entry (AuditEntryMac, from the key ring). */
  constructor(
    private readonly orm: MikroORM,
    private readonly signer: EntrySigner,
    options: AuditBatcherOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 2000;
    this.preamble = scopePreamble({ role: 'vigil_system', source: options.source ?? 'audit-batcher' });
  }

  append(entries: readonly AuditEntryInput[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ entries, resolve, reject });
      this.flushing ??= this.drainQueue();
    });
  }

  /** Resolves when everything appended so far is committed (or failed). */
  async idle(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private async drainQueue(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.takeBatch();
        await this.flush(batch);
      }
    } finally {
      this.flushing = null;
    }
  }

  private takeBatch(): Pending[] {
    const batch: Pending[] = [];
    let count = 0;
    while (this.queue.length > 0 && (batch.length === 0 || count + this.queue[0]!.entries.length <= this.maxBatch)) {
      const next = this.queue.shift()!;
      batch.push(next);
      count += next.entries.length;
    }
    return batch;
  }

  private async flush(batch: Pending[]): Promise<void> {
    const entries = batch.flatMap((p) => p.entries);
    try {
      await this.insert(entries);
      this.stats.flushes += 1;
      this.stats.entries += entries.length;
      this.stats.largestFlush = Math.max(this.stats.largestFlush, entries.length);
      for (const p of batch) p.resolve();
    } catch (err) {
      if (batch.length === 1) {
        batch[0]!.reject(err);
        return;
      }
      // One unstorable entry must not fail everyone else's request: retry each caller alone.
      for (const p of batch) await this.flush([p]);
    }
  }

  // The preamble and the INSERT travel in one simple-query message: one implicit transaction,
  // one round trip. The JSON goes in as a dollar-quoted literal under a tag it cannot contain.
  private async insert(entries: readonly AuditEntryInput[]): Promise<void> {
    const json = signedRecordsJson(entries, this.signer);
    let tag = 'audit';
    while (json.includes(`$${tag}$`)) tag += Math.floor(Math.random() * 1e9).toString(36);
    const sql = `${this.preamble} ${auditInsertSql(`$${tag}$${json}$${tag}$`)}`;
    await withRawClient(this.orm, (client) => client.query(sql));
  }
}
