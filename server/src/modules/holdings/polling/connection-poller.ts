import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { AuditEntryMac } from '@/core/audit';
import { appendInTransaction } from '@/core/audit';
import type { SecretBox } from '@/lib/crypto/secret-box';
import { inScopedTransaction } from '@/lib/db/request-db';
import type { Logger } from '@/lib/logger';
import { openAlert } from '@/modules/alerts';
import { sealedBinding } from '../connections/connection-secrets';
import type { ExchangeAdapter, ExchangeCredentials, ExchangeFailure, ScopeProof } from '../exchanges/exchange-adapter';
import { HOLDINGS_AUDIT_ACTIONS } from '../holdings-audit-actions';
import { recordPollRun, storePollResults, type PollOutcome } from './poll-results-store';
import { connectionLabel, loadPollTarget, type PollTarget } from './poll-target';
import { DEFAULT_RATE_LIMIT_WAIT_MS, keyIdOf, PollGuard, type PollStop } from './poll-guard';
import { DEFAULT_EGRESS, egressFor, type Egress } from './egress-addresses';
import type { VenueGate } from './venue-gate';
import { limitsOf } from './venue-limits';

export type ConnectionPollerDeps = {
  orm: MikroORM;
  secrets: SecretBox;
  auditMac: AuditEntryMac;
  adapterFor: (venue: string) => ExchangeAdapter | undefined;
  gate: VenueGate;
  logger: Logger;
  /** How far ahead a venue-reported key expiry opens a key_expiring alert. */
  expiryWarningMs: number;
  /**
   * The longest one request waits its turn in the venue's budget (default 2 s: it is signed
   * already, and venues refuse stale timestamps after 5-30 s); a longer wait defers the poll.
   */
  maxRequestWaitMs?: number;
  /** Where venue requests leave from (POLL_EGRESS_ADDRESSES), each connection always from the same one. */
  egresses?: [Egress, ...Egress[]];
};

const SOURCE = 'holdings.poller';

/**
 * One poll of one connection (DESIGN.md "Polling, not push"; issue 10 items 8 and 9):
 * 1. the key's scope is asked again: wider than read-only → suspended, never used again, alert;
 * 2. balances, then trades, deposits and withdrawals since the cursor;
 * 3. everything read is written in one transaction with the poll's outcome, or only the outcome.
 * An authentication failure is confirmed by an immediate second scope check before the
 * connection is marked broken (clock skew and nonce errors look like auth failures at some
 * venues). The key is decrypted here, in memory, and nowhere else.
 */
export class ConnectionPoller {
  constructor(private readonly deps: ConnectionPollerDeps) {}

  async poll(connectionId: string): Promise<PollOutcome | 'skipped'> {
    const startedAt = new Date();
    const target = await this.system((em) => loadPollTarget(em, connectionId, false));
    if (!target) return 'skipped';
    const adapter = this.deps.adapterFor(target.venue);
    if (!adapter) return this.finish(target, startedAt, 'error', `venue ${target.venue} is not configured`);
    let credentials: ExchangeCredentials;
    try {
      credentials = this.credentials(target);
    } catch (err) {
      // The GCM tag failed: the ciphertext was altered, or moved from another row (H5). Never polled
      // with whatever it would have decrypted to; loud, because someone wrote to the table.
      this.deps.logger.error({ connectionId: target.id, err: (err as Error).message }, 'a stored exchange key does not decrypt');
      const failure = {
        kind: 'error' as const,
        message: 'The stored key does not decrypt (altered or moved); it needs re-onboarding',
      };
      return this.broken(target, adapter, failure, startedAt, 'error');
    }
    const keyId = keyIdOf(credentials.apiKey);
    const wait = await this.deps.gate.waitFor(target.venue, keyId, this.egressOf(target).name);
    if (wait > 0) return this.deferred(target, startedAt, { by: 'gate', waitMs: wait });

    // Scope, balances and activity on one ccxt instance (building one costs 6–37 ms by venue),
    // every request admitted by the venue's gates and budget, and sent from the connection's egress.
    const guard = this.guard(target, keyId);
    const read = await adapter.poll(credentials, target.cursor, guard);
    const stop = await guard.settled();
    // Stopped part way: whatever was read is not kept (a poll writes all or nothing).
    if (stop?.by === 'venue') return this.rateLimited(target, startedAt, stop);
    if (stop !== undefined) return this.deferred(target, startedAt, stop);
    if (read.status === 'scope_refused') {
      if (read.scope.verdict === 'too_broad') return this.suspend(target, adapter, read.scope, startedAt);
      return this.scopeUnknown(target, adapter, credentials, read.scope, startedAt);
    }
    if (read.status === 'failed') return this.failed(target, adapter, credentials, read.failure, startedAt);
    return this.system(async (em) => {
      const locked = await loadPollTarget(em, connectionId, true);
      // Suspended, broken or offboarded while we read: what was read is not kept.
      if (!locked) return 'skipped' as const;
      const counts = await storePollResults(em, locked, { balances: read.balances, activity: read.activity, proof: read.scope });
      await recordPollRun(em, locked, { startedAt, outcome: 'ok', counts });
      await this.warnOfExpiry(em, locked, adapter, read.scope);
      return 'ok' as const;
    });
  }

  private async failed(
    t: PollTarget,
    adapter: ExchangeAdapter,
    credentials: ExchangeCredentials,
    failure: ExchangeFailure,
    startedAt: Date,
  ): Promise<PollOutcome | 'skipped'> {
    if (failure.kind === 'rate_limited') {
      // Read as rate limited without an answer the guard saw (ccxt's own error class): the
      // conservative gate, the venue's.
      const waitMs = await this.deps.gate.close(
        t.venue,
        failure.retryAfterMs ?? DEFAULT_RATE_LIMIT_WAIT_MS,
        undefined,
        this.egressOf(t).name,
      );
      return this.rateLimited(t, startedAt, { by: 'venue', waitMs, keyLevel: false, failure });
    }
    if (failure.kind === 'auth_failed') {
      // The confirmation is one more request: not while a gate is closed, and from the poll's
      // egress (another address may be on no allow-list: its refusal would break a good key).
      const keyId = keyIdOf(credentials.apiKey);
      if ((await this.deps.gate.waitFor(t.venue, keyId, this.egressOf(t).name)) > 0)
        return this.finish(t, startedAt, 'error', `${failure.message} (not confirmed: the venue asked us to wait)`);
      const confirmation = this.guard(t, keyId);
      const again = await adapter.checkScope(credentials, confirmation);
      await confirmation.settled();
      if (again.failure?.kind === 'auth_failed') return this.broken(t, adapter, failure, startedAt, 'auth_failed');
      return this.finish(t, startedAt, 'error', `${failure.message} (not confirmed by a second check)`);
    }
    return this.finish(t, startedAt, 'error', failure.message);
  }

  private async scopeUnknown(
    t: PollTarget,
    adapter: ExchangeAdapter,
    credentials: ExchangeCredentials,
    proof: ScopeProof,
    startedAt: Date,
  ): Promise<PollOutcome | 'skipped'> {
    if (proof.failure) return this.failed(t, adapter, credentials, proof.failure, startedAt);
    return this.finish(t, startedAt, 'scope_unknown', proof.message);
  }

  private suspend(t: PollTarget, adapter: ExchangeAdapter, proof: ScopeProof, startedAt: Date): Promise<PollOutcome | 'skipped'> {
    return this.recorded(t.id, async (em) => {
      const changed = await setStatus(em, t.id, 'suspended', `The key can now: ${proof.offending.join(', ')}`);
      await recordPollRun(em, t, { startedAt, outcome: 'scope_widened', error: proof.message });
      if (!changed) return 'scope_widened' as const;
      await this.audit(em, t, HOLDINGS_AUDIT_ACTIONS.connectionSuspended, { venue: t.venue, offending: proof.offending });
      await openAlert(
        em,
        {
          orgId: t.orgId,
          kind: 'scope_widened',
          subject: { type: 'connection', id: t.id, label: connectionLabel(t, adapter.displayName) },
          employeeId: t.employeeId,
          idempotencyKey: `scope_widened:${t.id}`,
          details: { venue: adapter.displayName, permissions: proof.offending.length ? proof.offending : ['unknown'] },
        },
        { source: SOURCE, signer: this.deps.auditMac },
      );
      return 'scope_widened' as const;
    });
  }

  /** Broken: never polled again until the employee connects a new key; one alert per breakage. */
  private broken(
    t: PollTarget,
    adapter: ExchangeAdapter,
    failure: ExchangeFailure,
    startedAt: Date,
    outcome: 'auth_failed' | 'error',
  ): Promise<PollOutcome | 'skipped'> {
    return this.recorded(t.id, async (em) => {
      const since = t.failingSince ?? startedAt;
      const changed = await setStatus(em, t.id, 'broken', failure.message, since);
      await recordPollRun(em, t, { startedAt, outcome, error: failure.message });
      if (!changed) return outcome;
      await this.audit(em, t, HOLDINGS_AUDIT_ACTIONS.connectionBroken, { venue: t.venue, error: failure.message });
      await openAlert(
        em,
        {
          orgId: t.orgId,
          kind: 'connection_broken',
          subject: { type: 'connection', id: t.id, label: connectionLabel(t, adapter.displayName) },
          employeeId: t.employeeId,
          idempotencyKey: `connection_broken:${t.id}:${since.toISOString()}`,
          details: { venue: adapter.displayName, error: failure.message.slice(0, 500), since: since.toISOString() },
        },
        { source: SOURCE, signer: this.deps.auditMac },
      );
      return outcome;
    });
  }

  /**
   * A gate was closed (the venue asked every worker, or every poll of this key, to wait) or the
   * venue's request budget was spent for longer than a request may wait: nothing more is sent,
   * the poll is recorded as rate limited (no silent gap), and the connection is due again when
   * the wait is over rather than a whole interval later. Not a failure of the key: its health is
   * left as it was.
   */
  private deferred(
    t: PollTarget,
    startedAt: Date,
    stop: { by: 'gate' | 'budget'; waitMs: number },
  ): Promise<PollOutcome | 'skipped'> {
    const seconds = Math.ceil(stop.waitMs / 1000);
    return this.recorded(t.id, async (em) => {
      await em.execute(
        `UPDATE exchange_connections SET next_poll_at = now() + ? * interval '1 millisecond', updated_at = now() WHERE id = ?`,
        [Math.ceil(stop.waitMs), t.id],
      );
      await recordPollRun(em, t, {
        startedAt,
        outcome: 'rate_limited',
        error:
          stop.by === 'gate'
            ? `The venue asked us to wait ${seconds} s`
            : `Vigil's request budget for ${t.venue} is spent; due again in ${seconds} s`,
      });
      return 'rate_limited' as const;
    });
  }

  /**
   * The venue answered "slow down" (the guard has closed the key's gate or, for an answer about
   * our IP, the venue's): recorded like a failed poll, and due again when the wait is over (or
   * at its next time, if that is sooner) instead of losing its cycle.
   */
  private rateLimited(
    t: PollTarget,
    startedAt: Date,
    stop: Extract<PollStop, { by: 'venue' }>,
  ): Promise<PollOutcome | 'skipped'> {
    const ip = this.egressOf(t).localAddress;
    const limit = stop.keyLevel ? "this key's limit" : `the venue's limit for our IP${ip === undefined ? '' : ` ${ip}`}`;
    const error = `${stop.failure.message} (${limit}; wait ${Math.ceil(stop.waitMs / 1000)} s)`;
    return this.recorded(t.id, async (em) => {
      await em.execute(
        `UPDATE exchange_connections SET last_poll_at = now(), last_error = ?, failing_since = coalesce(failing_since, ?),
                next_poll_at = least(next_poll_at, now() + ? * interval '1 millisecond'), updated_at = now() WHERE id = ?`,
        [error.slice(0, 2000), startedAt, Math.ceil(stop.waitMs), t.id],
      );
      await recordPollRun(em, t, { startedAt, outcome: 'rate_limited', error });
      return 'rate_limited' as const;
    });
  }

  /** A poll that read nothing usable: its outcome is recorded, the last good snapshot stays (stale). */
  private finish(t: PollTarget, startedAt: Date, outcome: PollOutcome, error: string): Promise<PollOutcome | 'skipped'> {
    return this.recorded(t.id, async (em) => {
      await em.execute(
        `UPDATE exchange_connections SET last_poll_at = now(), last_error = ?, failing_since = coalesce(failing_since, ?),
                updated_at = now() WHERE id = ?`,
        [error.slice(0, 2000), startedAt, t.id],
      );
      await recordPollRun(em, t, { startedAt, outcome, error });
      return outcome;
    });
  }

  private async warnOfExpiry(em: EntityManager, t: PollTarget, adapter: ExchangeAdapter, proof: ScopeProof) {
    if (!proof.expiresAt || proof.expiresAt.getTime() - Date.now() > this.deps.expiryWarningMs) return;
    await openAlert(
      em,
      {
        orgId: t.orgId,
        kind: 'key_expiring',
        subject: { type: 'connection', id: t.id, label: connectionLabel(t, adapter.displayName) },
        employeeId: t.employeeId,
        idempotencyKey: `key_expiring:${t.id}:${proof.expiresAt.toISOString()}`,
        details: { venue: adapter.displayName, expiresAt: proof.expiresAt.toISOString() },
      },
      { source: SOURCE, signer: this.deps.auditMac },
    );
  }

  private audit(em: EntityManager, t: PollTarget, action: string, details: Record<string, unknown>) {
    return appendInTransaction(
      em,
      [
        {
          orgId: t.orgId,
          at: new Date(),
          actorType: 'system',
          actorId: null,
          actorRole: null,
          systemSource: SOURCE,
          action,
          resourceType: 'connection',
          resourceId: t.id,
          dealId: null,
          ipAddress: null,
          outcome: 'allowed',
          details: { ...details, employeeId: t.employeeId },
        },
      ],
      this.deps.auditMac,
    );
  }

  /**
   * A failed, deferred or refused poll's writes, made only while the connection is still polled,
   * under its row lock as the ok path's are: removed (its key erased), suspended or broken by
   * another poll, or its employee offboarded while the venue was answering, it is left as it is.
   */
  private recorded(connectionId: string, write: (em: EntityManager) => Promise<PollOutcome>): Promise<PollOutcome | 'skipped'> {
    return this.system(async (em) => ((await loadPollTarget(em, connectionId, true)) ? write(em) : ('skipped' as const)));
  }

  /** The connection's egress: the same on every poll, so a key is seen from one IP. */
  private egressOf(t: PollTarget): Egress {
    return egressFor(this.deps.egresses ?? [DEFAULT_EGRESS], t.id);
  }

  /** A guard for one poll's requests: the venue's gates and budgets for the connection's egress. */
  private guard(t: PollTarget, keyId: string): PollGuard {
    return new PollGuard(this.deps.gate, t.venue, keyId, limitsOf(t.venue), this.deps.maxRequestWaitMs ?? 2000, this.egressOf(t));
  }

  private credentials(t: PollTarget): ExchangeCredentials {
    const binding = sealedBinding(t.id, t.orgId);
    return {
      apiKey: this.deps.secrets.decrypt(t.apiKeyEnc, binding('api_key_enc')),
      secret: this.deps.secrets.decrypt(t.secretEnc, binding('secret_enc')),
      ...(t.passphraseEnc ? { passphrase: this.deps.secrets.decrypt(t.passphraseEnc, binding('passphrase_enc')) } : {}),
      sandbox: t.sandbox,
    };
  }

  private system<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    return inScopedTransaction(this.deps.orm, { role: 'vigil_system', source: SOURCE }, fn);
  }
}

async function setStatus(
  em: EntityManager,
  id: string,
  status: 'broken' | 'suspended',
  error: string,
  since?: Date,
): Promise<boolean> {
  const rows = await em.execute<{ id: string }[]>(
    `UPDATE exchange_connections SET status = ?, last_poll_at = now(), last_error = ?, failing_since = coalesce(failing_since, ?),
            updated_at = now()
      WHERE id = ? AND status IN ('active', 'scope_unverified') RETURNING id`,
    [status, error.slice(0, 2000), since ?? new Date(), id],
  );
  return rows.length === 1;
}
