import type { MikroORM } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { scopePreamble } from '@/lib/db/db-scope';
import { withRawClient } from '@/lib/db/raw-client';
import { verifyOrgChainSinceOnClient, type ChainVerificationSince } from './audit-chain-since';
import type { AuditEntryMac } from './audit-entry-mac';
import { unlinkedCountSql } from './audit-sql';
import { advanceVerifiedPoint } from './audit-verified-point';
import { verifiedPointOf } from './audit-verify';

export type ChainStatus = ChainVerificationSince & {
  /** The org's entries written but not linked yet. */
  pendingEntries: number;
  verifiedAt: Date;
};

export type ChainStatusStats = {
  /** Verifications run: one per org per cache period at most, however many callers. */
  walks: number;
  /** Of which walked the whole chain. */
  wholeWalks: number;
  /** Entries read by all walks. */
  entriesWalked: number;
  /** Calls answered by a verification already running or just finished. */
  shared: number;
  /** Verifications that waited for another org's to end (MAX_CONCURRENT_WALKS). */
  queued: number;
};

// Verifications holding a connection of the system pool at once, all orgs together: the chainer,
// audit appends and sign-ins need the rest, however many orgs ask for their status.
const MAX_CONCURRENT_WALKS = 2;

type Flight = { status: Promise<ChainStatus>; settledAt: number | null };

/**
 * Each org's chain status, verified from its last verified point. Concurrent callers of one org
 * share one verification (single flight), and its result answers them for `cacheMs` after it
 * ends; a failed verification is not kept. At most MAX_CONCURRENT_WALKS orgs verify at once. One
 * per process (CoreDeps); replicas each verify, and each moves the shared point only from where it
 * found it.
 */
export class AuditChainStatus {
  private readonly flights = new Map<string, Flight>();
  private readonly counters: ChainStatusStats = { walks: 0, wholeWalks: 0, entriesWalked: 0, shared: 0, queued: 0 };
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly orm: MikroORM,
    private readonly mac: AuditEntryMac,
    private readonly cacheMs: number,
  ) {}

  get stats(): ChainStatusStats {
    return { ...this.counters };
  }

  of(orgId: string): Promise<ChainStatus> {
    const current = this.flights.get(orgId);
    if (current && (current.settledAt === null || performance.now() - current.settledAt < this.cacheMs)) {
      this.counters.shared += 1;
      return current.status;
    }
    const flight: Flight = { status: this.verify(orgId), settledAt: null };
    this.flights.set(orgId, flight);
    const forget = () => {
      if (this.flights.get(orgId) === flight) this.flights.delete(orgId);
    };
    flight.status.then(() => {
      flight.settledAt = performance.now();
      setTimeout(forget, this.cacheMs).unref();
    }, forget);
    return flight.status;
  }

  private async verify(orgId: string): Promise<ChainStatus> {
    this.counters.walks += 1;
    const status = await this.inSlot(() => this.verifyOn(orgId));
    if (status.whole) this.counters.wholeWalks += 1;
    this.counters.entriesWalked += status.walked;
    return status;
  }

  /** Runs `fn` once fewer than MAX_CONCURRENT_WALKS run; a slot that ends goes to the longest waiter. */
  private async inSlot<T>(fn: () => Promise<T>): Promise<T> {
    if (this.running < MAX_CONCURRENT_WALKS) this.running += 1;
    else {
      this.counters.queued += 1;
      await new Promise<void>((resume) => this.waiting.push(resume));
    }
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }

  private verifyOn(orgId: string): Promise<ChainStatus> {
    return withRawClient(this.orm, async (client) => {
      const result = await verifyOrgChainSinceOnClient(client, this.mac, orgId);
      const to = verifiedPointOf(result);
      if (to && (to.seq !== result.from?.seq || to.hash !== result.from.hash)) {
        await advanceVerifiedPoint(client, orgId, result.from, to, result.whole);
      }
      return { ...result, pendingEntries: await pendingEntries(client, orgId), verifiedAt: new Date() };
    });
  }
}

async function pendingEntries(client: pg.ClientBase, orgId: string): Promise<number> {
  await client.query(`BEGIN READ ONLY; ${scopePreamble({ role: 'vigil_system', source: 'audit-status' })}`);
  try {
    const rows = await client.query<{ n: number }>(unlinkedCountSql('c.org_id = $1'), [orgId]);
    return rows.rows[0]?.n ?? 0;
  } finally {
    await client.query('COMMIT');
  }
}
