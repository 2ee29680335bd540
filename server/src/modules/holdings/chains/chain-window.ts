import type { BlockRef, ChainReader } from './adapters/chain-reader.port';
import type { ChainConfig } from '@/config/chains';
import { ChainChangedDuringReadError, ReorgBeyondWindowError } from './chain-ingest.errors';
import {
  INSERT_HASHES_SQL,
  LOCK_CHAIN_EXCLUSIVE,
  PRUNE_HASHES_SQL,
  ROLLBACK_CHAIN_SQL,
  WINDOW_SQL,
  WINDOW_TOP_SQL,
  type RollbackCounts,
  type StoredBlockRow,
} from './chain-ingest.queries';
import type { IngestDb, Sql } from './ingest-db';

export type Reorg = { forkPoint: number; rolledBack: RollbackCounts };

/** `safeHead`: the newest block wallets may be read up to (kept and verified); null: none yet. */
export type WindowSync = { safeHead: number | null; reorg: Reorg | null };

type Stored = { number: number; hash: string };
const toStored = (r: StoredBlockRow): Stored => ({ number: Number(r.block_number), hash: r.block_hash });

/**
 * Brings a chain's kept block hashes up to head − confirmations, after checking them against the
 * chain. Invariant: the kept window is one chain, each block the parent of the next (checked as
 * blocks are added). So when the newest kept block is still canonical, every kept block is, and
 * one lookup verifies the window; when it is not, the newest kept block that still is canonical is
 * the fork point, and everything every wallet read from later blocks is rolled back to it.
 */
export async function syncChainWindow(db: IngestDb, reader: ChainReader, chain: ChainConfig): Promise<WindowSync> {
  const head = await reader.headBlockNumber();
  const safe = head - chain.confirmations;
  if (safe < 0) return { safeHead: null, reorg: null };
  // Most runs find the window current: another wallet's run on this chain already moved it.
  const [topRow] = await db.transaction((sql) => sql<StoredBlockRow>(WINDOW_TOP_SQL, [chain.chainId]));
  const top = topRow && toStored(topRow);
  if (top && top.number > head) return { safeHead: null, reorg: null }; // a node behind us: wait for it
  if (top?.number === safe && (await reader.block(safe))?.hash === top.hash) return { safeHead: safe, reorg: null };
  return db.transaction(async (sql) => {
    await sql(LOCK_CHAIN_EXCLUSIVE, [chain.chainId]);
    const stored = (await sql<StoredBlockRow>(WINDOW_SQL, [chain.chainId])).map(toStored);
    const reorg = await repairIfForked(sql, reader, chain.chainId, stored);
    const kept = reorg ? stored.filter((s) => s.number <= reorg.forkPoint) : stored;
    const newest = await appendBlocks(sql, reader, chain, kept[0], safe);
    await sql(PRUNE_HASHES_SQL, [chain.chainId, safe - chain.reorgWindow]);
    return { safeHead: newest, reorg };
  });
}

async function repairIfForked(sql: Sql, reader: ChainReader, chainId: number, stored: Stored[]): Promise<Reorg | null> {
  const top = stored[0];
  if (!top || (await reader.block(top.number))?.hash === top.hash) return null;
  const canonical = await Promise.all(stored.map((s) => reader.block(s.number)));
  const fork = stored.find((s, i) => canonical[i]?.hash === s.hash);
  if (!fork)
    throw new ReorgBeyondWindowError(chainId, `no kept block from ${stored.at(-1)!.number} to ${top.number} is canonical`);
  const [rolledBack] = await sql<RollbackCounts>(ROLLBACK_CHAIN_SQL, [chainId, fork.number, fork.hash]);
  return { forkPoint: fork.number, rolledBack: rolledBack! };
}

/** Keeps the hashes of the blocks after `top` up to `safe` (the last `reorgWindow` of them); the newest kept block. */
async function appendBlocks(
  sql: Sql,
  reader: ChainReader,
  chain: ChainConfig,
  top: Stored | undefined,
  safe: number,
): Promise<number | null> {
  const from = Math.max(top ? top.number + 1 : 0, safe - chain.reorgWindow + 1, 0);
  if (from > safe) return top && top.number <= safe ? top.number : null;
  const numbers = Array.from({ length: safe - from + 1 }, (_, i) => from + i);
  const blocks = await Promise.all(numbers.map((n) => reader.block(n)));
  let parent = top?.number === from - 1 ? top.hash : undefined;
  const rows: { block_number: number; block_hash: string; parent_hash: string }[] = [];
  for (const [i, block] of blocks.entries()) {
    if (!block) throw new ChainChangedDuringReadError(`block ${numbers[i]} vanished`);
    if (parent !== undefined && block.parentHash !== parent) {
      throw new ChainChangedDuringReadError(`block ${block.number} does not follow the block before it`);
    }
    parent = block.hash;
    rows.push(hashRow(block));
  }
  await sql(INSERT_HASHES_SQL, [chain.chainId, JSON.stringify(rows)]);
  return safe;
}

const hashRow = (b: BlockRef) => ({ block_number: b.number, block_hash: b.hash, parent_hash: b.parentHash });

/**
 * The operator's way out of a ReorgBeyondWindowError, or of any doubt about a chain's history:
 * every wallet on the chain comes back to `block` (which must be canonical now, and at or below
 * the fork), everything read from later blocks goes, and the kept window restarts from that block
 * alone. The next runs re-read from there. Counts of what was rolled back.
 */
export async function rollBackChainTo(
  db: IngestDb,
  reader: ChainReader,
  chain: ChainConfig,
  block: number,
): Promise<RollbackCounts> {
  const anchor = await reader.block(block);
  if (!anchor) throw new Error(`chain ${chain.chainId} has no block ${block}`);
  return db.transaction(async (sql) => {
    await sql(LOCK_CHAIN_EXCLUSIVE, [chain.chainId]);
    const [counts] = await sql<RollbackCounts>(ROLLBACK_CHAIN_SQL, [chain.chainId, block, anchor.hash]);
    await sql(PRUNE_HASHES_SQL, [chain.chainId, block]);
    await sql(INSERT_HASHES_SQL, [chain.chainId, JSON.stringify([hashRow(anchor)])]);
    return counts!;
  });
}
