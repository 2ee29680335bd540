import type { BlockRef, ChainReader, TransferLog } from './adapters/chain-reader.port';
import type { ChainConfig } from '@/config/chains';
import { ChainChangedDuringReadError, ReorgBeyondWindowError } from './chain-ingest.errors';
import {
  ENSURE_CURSOR_SQL,
  INSERT_SNAPSHOTS_SQL,
  LOCK_CHAIN_SHARED,
  LOCK_CURSOR_SQL,
  MOVE_CURSOR_SQL,
  STORED_HASHES_SQL,
  UPSERT_TRANSFERS_SQL,
  WINDOW_TOP_SQL,
  type CursorRow,
  type StoredBlockRow,
} from './chain-ingest.queries';
import { syncChainWindow, type Reorg } from './chain-window';
import type { IngestDb, Sql } from './ingest-db';
import { readTransfersInRanges, type RangeStats } from './log-ranges';
import { readBalances } from './wallet-balances';
import { parseWalletTarget, type WalletTarget } from './wallet-target';
import { conflict } from '@/lib/errors/app-error';

export type WalletIngestOptions = {
  /** Most blocks one run reads for one wallet: a long first sync proceeds over several runs. */
  maxBlocksPerRun?: number;
};

export type WalletIngestResult = {
  chainId: number;
  /** The blocks read this run (both ends inclusive); null when there was nothing new past the confirmation depth. */
  read: { fromBlock: number; toBlock: number } | null;
  transfersNew: number;
  transfersSeen: number;
  snapshotsWritten: number;
  /** True when the cursor reached head − confirmations. */
  caughtUp: boolean;
  reorg: Reorg | null;
  ranges: RangeStats | null;
};

const DEFAULT_MAX_BLOCKS_PER_RUN = 50_000;

/**
 * One run of the chain ingest for one wallet on one chain: the chain's kept window first (a reorg
 * is repaired there, for every wallet), then, in one transaction holding the wallet's cursor, the
 * wallet's transfers from the cursor up to the verified safe head, its balances at that block, and
 * the cursor moved. A run that fails writes nothing of the wallet's (the transaction rolls back).
 */
export class WalletIngestService {
  constructor(
    private readonly db: IngestDb,
    private readonly reader: ChainReader,
    private readonly chain: ChainConfig,
    private readonly options: WalletIngestOptions = {},
  ) {
    if (reader.chainId !== chain.chainId) throw new Error('chain ingest: reader and chain config disagree on the chain id');
  }

  async ingest(input: WalletTarget): Promise<WalletIngestResult> {
    // Checked before anything is sent anywhere: a bad address never reaches a node or the database.
    const wallet = parseWalletTarget(input);
    const sync = await syncChainWindow(this.db, this.reader, this.chain);
    const idle = { chainId: this.chain.chainId, read: null, transfersNew: 0, transfersSeen: 0, snapshotsWritten: 0 };
    if (sync.safeHead === null) return { ...idle, caughtUp: false, reorg: sync.reorg, ranges: null };
    return this.db.transaction(async (sql) => {
      await sql(LOCK_CHAIN_SHARED, [this.chain.chainId]);
      const cursor = await this.lockCursor(sql, wallet);
      // The newest kept block, as this transaction sees it: it cannot change before commit (shared lock).
      const [top] = await sql<StoredBlockRow>(WINDOW_TOP_SQL, [this.chain.chainId]);
      const safeTop = top ? Number(top.block_number) : -1;
      const fromBlock = Number(cursor.last_block) + 1;
      const toBlock = Math.min(safeTop, fromBlock + (this.options.maxBlocksPerRun ?? DEFAULT_MAX_BLOCKS_PER_RUN) - 1);
      if (toBlock < fromBlock) return { ...idle, caughtUp: fromBlock > safeTop, reorg: sync.reorg, ranges: null };
      const { transfers, stats } = await readTransfersInRanges(
        this.reader,
        { address: wallet.address, fromBlock, toBlock },
        this.chain.maxBlockRange,
      );
      const blocks = await this.checkedBlocks(sql, cursor, transfers, toBlock);
      const { inserted, snapshots } = await this.write(sql, wallet, transfers, blocks, toBlock);
      return {
        chainId: this.chain.chainId,
        read: { fromBlock, toBlock },
        transfersNew: inserted,
        transfersSeen: transfers.length,
        snapshotsWritten: snapshots,
        caughtUp: toBlock === safeTop,
        reorg: sync.reorg,
        ranges: stats,
      };
    });
  }

  /** The wallet's cursor on this chain, created at the chain's start block, locked until commit. */
  private async lockCursor(sql: Sql, wallet: WalletTarget): Promise<CursorRow> {
    const { chainId, startBlock } = this.chain;
    await sql(ENSURE_CURSOR_SQL, [wallet.walletId, chainId, wallet.orgId, wallet.address, startBlock - 1]);
    const [cursor] = await sql<CursorRow>(LOCK_CURSOR_SQL, [wallet.walletId, chainId]);
    // A wallet id is one organization's one address for good; anything else is a caller's mix-up.
    if (!cursor || cursor.org_id !== wallet.orgId || cursor.address !== wallet.address) {
      throw conflict('This wallet id is already read for another address or organization');
    }
    return cursor;
  }

  /**
   * The blocks the transfers are in, the cursor's block and the end block, as the node sees them
   * now, checked against each log's block hash and against the kept window: any disagreement means
   * the chain moved under the read, and nothing is written.
   */
  private async checkedBlocks(
    sql: Sql,
    cursor: CursorRow,
    transfers: readonly TransferLog[],
    toBlock: number,
  ): Promise<Map<number, BlockRef>> {
    const last = Number(cursor.last_block);
    const wanted = [...new Set([...transfers.map((t) => t.blockNumber), toBlock, ...(cursor.last_block_hash ? [last] : [])])];
    const fetched = await Promise.all(wanted.map((n) => this.reader.block(n)));
    const kept = await sql<StoredBlockRow>(STORED_HASHES_SQL, [this.chain.chainId, JSON.stringify(wanted)]);
    const keptHash = new Map(kept.map((r) => [Number(r.block_number), r.block_hash]));
    const blocks = new Map<number, BlockRef>();
    for (const [i, n] of wanted.entries()) {
      const block = fetched[i];
      if (!block) throw new ChainChangedDuringReadError(`block ${n} vanished`);
      if (keptHash.has(n) && keptHash.get(n) !== block.hash) throw new ChainChangedDuringReadError(`block ${n} was replaced`);
      blocks.set(n, block);
    }
    // Below the kept window a reorg cannot be repaired: the cursor's own block must still be canonical.
    if (cursor.last_block_hash && blocks.get(last)!.hash !== cursor.last_block_hash) {
      throw new ReorgBeyondWindowError(this.chain.chainId, `the block ${last} a wallet was read up to is orphaned`);
    }
    const moved = transfers.find((t) => blocks.get(t.blockNumber)!.hash !== t.blockHash);
    if (moved) throw new ChainChangedDuringReadError(`a log of block ${moved.blockNumber} came from another branch`);
    return blocks;
  }

  /** The transfers, the balances at the end block, and the cursor moved there: all in the run's transaction. */
  private async write(
    sql: Sql,
    wallet: WalletTarget,
    transfers: readonly TransferLog[],
    blocks: ReadonlyMap<number, BlockRef>,
    toBlock: number,
  ): Promise<{ inserted: number; snapshots: number }> {
    const inserted = await this.upsertTransfers(sql, wallet, transfers, blocks);
    const end = blocks.get(toBlock)!;
    const balances = await readBalances(this.reader, this.chain, wallet.address, toBlock);
    const { orgId, walletId } = wallet;
    const snapshots = await sql(INSERT_SNAPSHOTS_SQL, [
      orgId,
      walletId,
      this.chain.chainId,
      toBlock,
      end.timestamp,
      JSON.stringify(balances),
    ]);
    await sql(MOVE_CURSOR_SQL, [walletId, this.chain.chainId, toBlock, end.hash]);
    return { inserted, snapshots: snapshots.length };
  }

  private async upsertTransfers(
    sql: Sql,
    wallet: WalletTarget,
    transfers: readonly TransferLog[],
    blocks: ReadonlyMap<number, BlockRef>,
  ): Promise<number> {
    if (transfers.length === 0) return 0;
    const rows = transfers.map((t) => ({
      tx_hash: t.txHash,
      log_index: t.logIndex,
      block_number: t.blockNumber,
      block_hash: t.blockHash,
      block_time: blocks.get(t.blockNumber)!.timestamp,
      token_address: t.token,
      from_address: t.from,
      to_address: t.to,
      direction: t.from === wallet.address ? (t.to === wallet.address ? 'self' : 'out') : 'in',
      amount: t.amount.toString(),
    }));
    const result = await sql<{ inserted: boolean }>(UPSERT_TRANSFERS_SQL, [
      wallet.orgId,
      wallet.walletId,
      this.chain.chainId,
      JSON.stringify(rows),
    ]);
    return result.filter((r) => r.inserted).length;
  }
}
