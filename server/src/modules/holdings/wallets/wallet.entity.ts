import { EntitySchema } from '@mikro-orm/core';

export const WALLET_STATUSES = ['active', 'removed'] as const;
export type WalletStatus = (typeof WALLET_STATUSES)[number];

/**
 * An employee's EVM address on one configured chain (migrations 0018 and 0022). The address is
 * stored EIP-55 checksummed; the health columns are written by the poller only (user sessions may
 * update label and status alone).
 */
export class Wallet {
  id!: string;
  orgId!: string;
  employeeId!: string;
  /** bigint in the database: a string here, never a JS number. */
  chainId!: string;
  address!: string;
  label!: string;
  status!: WalletStatus;
  lastPollAt!: Date | null;
  lastSuccessAt!: Date | null;
  lastError!: string | null;
  failingSince!: Date | null;
  nextPollAt!: Date | null;
  createdAt!: Date;
  updatedAt!: Date;
}

const at = (fieldName: string) => ({ type: 'Date', columnType: 'timestamptz(3)', fieldName, nullable: true }) as const;

export const WalletSchema = new EntitySchema<Wallet>({
  class: Wallet,
  tableName: 'wallets',
  properties: {
    id: { type: 'uuid', primary: true, defaultRaw: 'gen_random_uuid()' },
    orgId: { type: 'uuid', fieldName: 'org_id' },
    employeeId: { type: 'uuid', fieldName: 'employee_id' },
    chainId: { type: 'bigint', fieldName: 'chain_id' },
    address: { type: 'text' },
    label: { type: 'text', default: '' },
    status: { enum: true, items: () => [...WALLET_STATUSES], default: 'active' },
    lastPollAt: at('last_poll_at'),
    lastSuccessAt: at('last_success_at'),
    lastError: { type: 'text', fieldName: 'last_error', nullable: true },
    failingSince: at('failing_since'),
    nextPollAt: at('next_poll_at'),
    createdAt: { type: 'Date', columnType: 'timestamptz(3)', defaultRaw: 'now()' },
    updatedAt: { type: 'Date', columnType: 'timestamptz(3)', defaultRaw: 'now()', onUpdate: () => new Date() },
  },
});

// wallet_poll_runs (0022) has no entity: the poller writes it in SQL, as poll_runs is written.
export const WALLET_ENTITIES = [WalletSchema] as const;
