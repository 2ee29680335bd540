import { EntitySchema } from '@mikro-orm/core';

// The chain ingest's tables (migration 0020) for the ORM's readers: the GraphQL layer lists
// transfers and balances through these. The ingest itself writes in SQL (chain-ingest.queries.ts).
// Chain ids and block numbers are bigint and amounts numeric(78,0): strings, never JS numbers.

export class WalletTransfer {
  id!: string;
  orgId!: string;
  walletId!: string;
  chainId!: string;
  txHash!: string;
  logIndex!: number;
  blockNumber!: string;
  blockHash!: string;
  blockTime!: Date;
  tokenAddress!: string;
  fromAddress!: string;
  toAddress!: string;
  direction!: 'in' | 'out' | 'self';
  amount!: string;
  ingestedAt!: Date;
}

const timestamp = { type: 'Date', columnType: 'timestamptz(3)' } as const;
const amount = { type: 'decimal', columnType: 'numeric(78,0)', precision: 78, scale: 0 } as const;

export const WalletTransferSchema = new EntitySchema<WalletTransfer>({
  class: WalletTransfer,
  tableName: 'wallet_transfers',
  properties: {
    id: { type: 'uuid', primary: true, defaultRaw: 'gen_random_uuid()' },
    orgId: { type: 'uuid', fieldName: 'org_id' },
    walletId: { type: 'uuid', fieldName: 'wallet_id' },
    chainId: { type: 'bigint', fieldName: 'chain_id' },
    txHash: { type: 'text', fieldName: 'tx_hash' },
    logIndex: { type: 'integer', fieldName: 'log_index' },
    blockNumber: { type: 'bigint', fieldName: 'block_number' },
    blockHash: { type: 'text', fieldName: 'block_hash' },
    blockTime: { ...timestamp, fieldName: 'block_time' },
    tokenAddress: { type: 'text', fieldName: 'token_address' },
    fromAddress: { type: 'text', fieldName: 'from_address' },
    toAddress: { type: 'text', fieldName: 'to_address' },
    direction: { enum: true, items: ['in', 'out', 'self'] },
    amount: { ...amount },
    ingestedAt: { ...timestamp, fieldName: 'ingested_at', defaultRaw: 'now()' },
  },
});

export class WalletBalanceSnapshot {
  id!: string;
  orgId!: string;
  walletId!: string;
  chainId!: string;
  /** 'native' or a token's checksummed address. */
  asset!: string;
  symbol!: string;
  decimals!: number;
  amount!: string;
  blockNumber!: string;
  at!: Date;
}

export const WalletBalanceSnapshotSchema = new EntitySchema<WalletBalanceSnapshot>({
  class: WalletBalanceSnapshot,
  tableName: 'wallet_balance_snapshots',
  properties: {
    id: { type: 'uuid', primary: true, defaultRaw: 'gen_random_uuid()' },
    orgId: { type: 'uuid', fieldName: 'org_id' },
    walletId: { type: 'uuid', fieldName: 'wallet_id' },
    chainId: { type: 'bigint', fieldName: 'chain_id' },
    asset: { type: 'text' },
    symbol: { type: 'text' },
    decimals: { type: 'smallint' },
    amount: { ...amount },
    blockNumber: { type: 'bigint', fieldName: 'block_number' },
    at: { ...timestamp },
  },
});

export class WalletCursor {
  walletId!: string;
  chainId!: string;
  orgId!: string;
  address!: string;
  lastBlock!: string;
  lastBlockHash!: string | null;
  updatedAt!: Date;
}

export const WalletCursorSchema = new EntitySchema<WalletCursor>({
  class: WalletCursor,
  tableName: 'wallet_cursors',
  properties: {
    walletId: { type: 'uuid', fieldName: 'wallet_id', primary: true },
    chainId: { type: 'bigint', fieldName: 'chain_id', primary: true },
    orgId: { type: 'uuid', fieldName: 'org_id' },
    address: { type: 'text' },
    lastBlock: { type: 'bigint', fieldName: 'last_block' },
    lastBlockHash: { type: 'text', fieldName: 'last_block_hash', nullable: true },
    updatedAt: { ...timestamp, fieldName: 'updated_at', defaultRaw: 'now()' },
  },
});

/** The org tables a registering module lists; chain_block_hashes is the ingest's alone (no entity). */
export const CHAIN_INGEST_ENTITIES = [WalletTransferSchema, WalletBalanceSnapshotSchema, WalletCursorSchema] as const;
