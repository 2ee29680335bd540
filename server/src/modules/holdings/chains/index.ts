// The chain layer of holdings oversight: what the wallets module and the scheduler use.
export { chainSchema, chainsEnvSchema, parseChains, type ChainConfig, type TokenConfig } from '@/config/chains';
export { parseWalletAddress } from './wallet-address';
export type { WalletTarget } from './wallet-target';
export { WalletIngestService, type WalletIngestOptions, type WalletIngestResult } from './wallet-ingest.service';
export { ormIngestDb, pgIngestDb, INGEST_SCOPE, type IngestDb } from './ingest-db';
export { ChainChangedDuringReadError, ReorgBeyondWindowError } from './chain-ingest.errors';
export { rollBackChainTo } from './chain-window';
export type { ChainReader, TransferLog, BlockRef } from './adapters/chain-reader.port';
export { RangeRefusedError, ChainUnavailableError } from './adapters/chain-reader.port';
export { EthersChainReader } from './adapters/ethers-chain-reader';
export {
  CHAIN_INGEST_ENTITIES,
  WalletTransfer,
  WalletTransferSchema,
  WalletBalanceSnapshot,
  WalletBalanceSnapshotSchema,
  WalletCursor,
  WalletCursorSchema,
} from './chain-ingest.entities';
