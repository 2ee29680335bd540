import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { Actor } from '@/core/actor';
import type { AuditEntryMac } from '@/core/audit';
import { openAlert } from '@/modules/alerts';
import type { ObjectAccess } from '@/core/access/require-access';
import { parseInput } from '@/core/graphql/validate';
import { discardAudit, type FieldAudit } from '@/core/request/audit-note';
import type { SecretBox } from '@/lib/crypto/secret-box';
import type { RequestDb } from '@/lib/db/request-db';
import { badInput, conflict, forbidden } from '@/lib/errors/app-error';
import { ownEmployeeRead } from '../employees/employee.queries';
import type { EmployeeRow } from '../employees/employee.types';
import type { BalanceSnapshot, ExchangeAdapter, ExchangeCredentials, ScopeProof } from '../exchanges/exchange-adapter';
import { ExchangeFailureError } from '../exchanges/ccxt-venue';
import { ExchangeConnection, type ConnectionStatus } from './exchange-connection.entity';
import { sealedBinding } from './connection-secrets';
import { scopeProofRecord } from './scope-proof-record';

// What an employee pastes: printable ASCII without spaces (keys and secrets are base64, hex or
// PEM-free tokens at every supported venue), bounded so that hostile sizes fail fast.
const token = (what: string, max: number) =>
  z
    .string()
    .trim()
    .min(8, `${what} looks too short`)
    .max(max, `${what} is too long`)
    .regex(/^[\x21-\x7e]+$/, `${what} may contain only printable characters without spaces`);

const onboardInput = z.object({
  venue: z.string().regex(/^[a-z0-9_]{2,32}$/, 'is not a supported exchange'),
  apiKey: token('the API key', 512),
  secret: token('the API secret', 4096),
  passphrase: z
    .string()
    .max(256, 'the passphrase is too long')
    .regex(/^[^\0]*$/, 'has a NUL byte')
    .nullish(),
  label: z.string().trim().max(80, 'must be at most 80 characters').nullish(),
  sandbox: z.boolean().nullish(),
});

export type OnboardedConnection = { connection: ExchangeConnection; balances: BalanceSnapshot; proof: ScopeProof };

/**
 * A rotation: the connection a fresh key replaces is retired (its key erased, marked removed) in
 * the transaction that stores the fresh one, after the fresh key's scope was proved. A retire
 * that throws leaves neither change.
 */
export type KeyReplacement = { retire: (em: EntityManager, freshId: string) => Promise<void> };

export type ConnectionOnboardingDeps = {
  db: RequestDb;
  access: ObjectAccess;
  secrets: SecretBox;
  adapterFor: (venue: string) => ExchangeAdapter | undefined;
  auditMac: AuditEntryMac;
  /** Production: a key that did not arrive over HTTPS is refused here too, not only at the edge (H11). */
  requireTls: boolean;
};

/**
 * An employee connects one of its own exchange keys (H1–H4). Nothing is stored until the venue
 * has said what the key may do and a balance has been read with it: a key that can trade,
 * withdraw or transfer is refused naming what to turn off, and a venue that cannot be asked
 * (an error, a timeout) is "could not verify", never "safe". A refused key leaves nothing:
 * no row, no log line, no audit detail (only the venue and the verdict).
 */
export class ConnectionOnboarding {
  constructor(
    private readonly deps: ConnectionOnboardingDeps,
    private readonly audit: FieldAudit = discardAudit,
  ) {}

  async onboard(
    actor: Actor,
    input: unknown,
    transport: { secure: boolean },
    replacement?: KeyReplacement,
  ): Promise<OnboardedConnection> {
    await this.deps.access.require(actor, 'connections:write');
    if (actor.kind !== 'user') throw forbidden('Only an employee connects its own exchange keys');
    if (this.deps.requireTls && !transport.secure)
      throw forbidden('Exchange keys are accepted over HTTPS only. Open Vigil at its https:// address.');
    // Who before what: only an employee, for itself, may connect anything at all.
    const employee = await this.ownEmployee();
    const data = parseInput(onboardInput, input);
    this.audit.note({ resourceType: 'connection', details: { venue: data.venue } });
    const adapter = this.deps.adapterFor(data.venue);
    if (!adapter) throw badInput('venue: is not a supported exchange', { field: 'venue' });
    if (adapter.needsPassphrase && !data.passphrase)
      throw badInput(`passphrase: ${adapter.displayName} keys have a passphrase; enter the one you chose`, {
        field: 'passphrase',
      });
    if (data.sandbox && !adapter.hasSandbox)
      throw badInput(`sandbox: ${adapter.displayName} has no testnet`, { field: 'sandbox' });

    const credentials: ExchangeCredentials = {
      apiKey: data.apiKey,
      secret: data.secret,
      ...(data.passphrase ? { passphrase: data.passphrase } : {}),
      sandbox: data.sandbox ?? false,
    };
    const proof = await adapter.checkScope(credentials);
    this.audit.note({ details: { venue: data.venue, verdict: proof.verdict, offending: proof.offending } });
    refuseUnlessSafe(proof);
    const balances = await this.firstBalance(adapter, credentials);

    const em = await this.deps.db.em();
    const id = randomUUID();
    const binding = sealedBinding(id, actor.orgId);
    const status: ConnectionStatus = proof.verdict === 'unverifiable' ? 'scope_unverified' : 'active';
    const connection = em.create(ExchangeConnection, {
      id,
      orgId: actor.orgId,
      employeeId: employee.id,
      venue: adapter.venue,
      label: data.label ?? '',
      keyFingerprint: fingerprintOf(data.apiKey),
      apiKeyEnc: this.deps.secrets.encrypt(data.apiKey, binding('api_key_enc')),
      secretEnc: this.deps.secrets.encrypt(data.secret, binding('secret_enc')),
      passphraseEnc: data.passphrase ? this.deps.secrets.encrypt(data.passphrase, binding('passphrase_enc')) : null,
      sandbox: credentials.sandbox ?? false,
      status,
      scopeProof: scopeProofRecord(proof),
      scopeCheckedAt: proof.checkedAt,
      keyExpiresAt: proof.expiresAt ?? null,
      cursors: {},
      nextPollAt: new Date(),
    } as ExchangeConnection);
    await em.flush();
    await replacement?.retire(em, id);
    this.audit.note({ resourceId: id, details: { fingerprint: connection.keyFingerprint, status } });
    if (status === 'scope_unverified') {
      await openAlert(
        em,
        {
          orgId: actor.orgId,
          kind: 'scope_unverified',
          subject: {
            type: 'connection',
            id,
            label: `${employee.name} · ${adapter.displayName} key ${connection.keyFingerprint}`,
          },
          employeeId: employee.id,
          idempotencyKey: `scope_unverified:${id}`,
          details: { venue: adapter.displayName, reason: proof.message.slice(0, 500) },
        },
        { source: 'holdings.onboarding', signer: this.deps.auditMac },
      );
    }
    // A fresh verified key ends a re-onboarding request.
    if (employee.status === 'needs_reonboarding' && status === 'active') {
      await em.execute(
        `UPDATE employees SET status = 'active', status_note = 'Onboarded a fresh verified key', status_changed_at = now()
          WHERE id = ? AND status = 'needs_reonboarding'`,
        [employee.id],
      );
    }
    return { connection, balances, proof };
  }

  private async ownEmployee(): Promise<EmployeeRow> {
    const [row] = await this.deps.db.readRows<EmployeeRow>(ownEmployeeRead());
    if (!row) throw forbidden('Only an employee connects its own exchange keys');
    if (row.status !== 'active' && row.status !== 'needs_reonboarding')
      throw conflict(`An employee whose status is ${row.status.replace('_', ' ')} cannot connect keys`);
    return row;
  }

  private async firstBalance(adapter: ExchangeAdapter, credentials: ExchangeCredentials): Promise<BalanceSnapshot> {
    try {
      return await adapter.fetchBalances(credentials);
    } catch (err) {
      if (!(err instanceof ExchangeFailureError)) throw err;
      const { kind, retryAfterMs } = err.failure;
      if (kind === 'auth_failed')
        throw badInput(
          `${adapter.displayName} refused this key when reading a balance. Check that it is active and copied whole.`,
          {
            reason: 'KEY_REFUSED',
          },
        );
      if (kind === 'rate_limited')
        throw badInput(
          `${adapter.displayName} asked us to slow down. Try again in ${Math.ceil((retryAfterMs ?? 60_000) / 1000)} seconds.`,
          {
            reason: 'VENUE_RATE_LIMITED',
          },
        );
      throw badInput(`Could not read a balance from ${adapter.displayName}; nothing was stored. Try again in a minute.`, {
        reason: 'VENUE_UNAVAILABLE',
      });
    }
  }
}

function refuseUnlessSafe(proof: ScopeProof) {
  switch (proof.verdict) {
    case 'read_only':
    case 'unverifiable':
      return;
    case 'too_broad':
      throw badInput(proof.message, { reason: 'KEY_TOO_BROAD', offending: proof.offending });
    case 'unknown':
      throw badInput(proof.message, { reason: 'SCOPE_UNKNOWN' });
  }
}

/** What the console shows of a key: its last four characters. */
export const fingerprintOf = (apiKey: string): string => `…${apiKey.slice(-4)}`;
