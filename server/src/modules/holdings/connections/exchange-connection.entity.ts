import { EntitySchema } from '@mikro-orm/core';

export const CONNECTION_STATUSES = ['active', 'scope_unverified', 'broken', 'suspended', 'removed'] as const;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];

/**
 * An employee's read-only exchange key. The key, secret and passphrase are SecretBox ciphertexts
 * bound to this row; user sessions cannot even select those columns (migration 0018), and they
 * are lazy here so that no query loads them unless it asks.
 */
export class ExchangeConnection {
  id!: string;
  orgId!: string;
  employeeId!: string;
  venue!: string;
  label!: string;
  keyFingerprint!: string;
  /** NULL once the connection is removed (erased with its removal, migration 0025). */
  apiKeyEnc!: string | null;
  secretEnc!: string | null;
  passphraseEnc!: string | null;
  sandbox!: boolean;
  status!: ConnectionStatus;
  scopeProof!: Record<string, unknown>;
  scopeCheckedAt!: Date;
  keyExpiresAt!: Date | null;
  cursors!: Record<string, unknown>;
  lastPollAt!: Date | null;
  lastSuccessAt!: Date | null;
  lastError!: string | null;
  failingSince!: Date | null;
  nextPollAt!: Date | null;
  removedAt!: Date | null;
  /** When the newest balance snapshot was read (kept by a trigger on exchange_balances, migration 0026). */
  balancesAt!: Date | null;
  /** The connection holding the fresh key this one was rotated to. */
  replacedBy!: string | null;
  createdAt!: Date;
  updatedAt!: Date;
}

const at = (fieldName: string, nullable = true) => ({ type: 'Date', columnType: 'timestamptz(3)', fieldName, nullable }) as const;

export const ExchangeConnectionSchema = new EntitySchema<ExchangeConnection>({
  class: ExchangeConnection,
  tableName: 'exchange_connections',
  properties: {
    id: { type: 'uuid', primary: true, defaultRaw: 'gen_random_uuid()' },
    orgId: { type: 'uuid', fieldName: 'org_id' },
    employeeId: { type: 'uuid', fieldName: 'employee_id' },
    venue: { type: 'text' },
    label: { type: 'text', default: '' },
    keyFingerprint: { type: 'text', fieldName: 'key_fingerprint' },
    apiKeyEnc: { type: 'text', fieldName: 'api_key_enc', nullable: true, lazy: true },
    secretEnc: { type: 'text', fieldName: 'secret_enc', nullable: true, lazy: true },
    passphraseEnc: { type: 'text', fieldName: 'passphrase_enc', nullable: true, lazy: true },
    sandbox: { type: 'boolean', default: false },
    status: { enum: true, items: () => [...CONNECTION_STATUSES] },
    scopeProof: { type: 'json', fieldName: 'scope_proof' },
    scopeCheckedAt: at('scope_checked_at', false),
    keyExpiresAt: at('key_expires_at'),
    cursors: { type: 'json', default: '{}' },
    lastPollAt: at('last_poll_at'),
    lastSuccessAt: at('last_success_at'),
    lastError: { type: 'text', fieldName: 'last_error', nullable: true },
    failingSince: at('failing_since'),
    nextPollAt: at('next_poll_at'),
    removedAt: at('removed_at'),
    balancesAt: at('balances_at'),
    replacedBy: { type: 'uuid', fieldName: 'replaced_by', nullable: true },
    createdAt: { type: 'Date', columnType: 'timestamptz(3)', defaultRaw: 'now()' },
    updatedAt: { type: 'Date', columnType: 'timestamptz(3)', defaultRaw: 'now()', onUpdate: () => new Date() },
  },
});
