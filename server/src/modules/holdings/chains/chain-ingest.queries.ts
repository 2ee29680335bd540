// The chain ingest's SQL, the only place for it. `$n` parameters only; lists travel as one JSON
// parameter. Every statement runs as vigil_system inside the step's transaction (ingest-db.ts).

/**
 * One advisory lock per chain. Updating the kept window or rolling back a reorg takes it
 * exclusively; reading a wallet takes it shared, so a rollback never interleaves with a wallet's
 * read-check-write, while wallets of the same chain are read side by side.
 */
export const LOCK_CHAIN_EXCLUSIVE = `SELECT pg_advisory_xact_lock(hashtextextended('vigil.chain_ingest', $1::bigint))`;
export const LOCK_CHAIN_SHARED = `SELECT pg_advisory_xact_lock_shared(hashtextextended('vigil.chain_ingest', $1::bigint))`;

export type StoredBlockRow = { block_number: string; block_hash: string };

/** The kept window of a chain, newest first (ordered by the bigint column, not its text). */
export const WINDOW_SQL = `SELECT h.block_number::text AS block_number, h.block_hash FROM chain_block_hashes h
  WHERE h.chain_id = $1::bigint ORDER BY h.block_number DESC`;

export const WINDOW_TOP_SQL = `${WINDOW_SQL} LIMIT 1`;

/** Kept hashes of some blocks ($2: JSON array of block numbers). */
export const STORED_HASHES_SQL = `SELECT block_number::text, block_hash FROM chain_block_hashes
  WHERE chain_id = $1::bigint AND block_number IN (SELECT value::bigint FROM json_array_elements_text($2::json))`;

/** $2: JSON [{ block_number, block_hash, parent_hash }]. */
export const INSERT_HASHES_SQL = `INSERT INTO chain_block_hashes (chain_id, block_number, block_hash, parent_hash)
  SELECT $1::bigint, r.block_number, r.block_hash, r.parent_hash
  FROM json_to_recordset($2::json) AS r(block_number bigint, block_hash text, parent_hash text)`;

export const PRUNE_HASHES_SQL = `DELETE FROM chain_block_hashes WHERE chain_id = $1::bigint AND block_number <= $2::bigint`;

/**
 * Rolling a chain back to its fork point ($2, with hash $3): everything read from later blocks,
 * of every wallet on the chain, goes, and the cursors past it come back to it. One statement, so
 * the counts come back together.
 */
export const ROLLBACK_CHAIN_SQL = `WITH
  transfers AS (DELETE FROM wallet_transfers WHERE chain_id = $1::bigint AND block_number > $2::bigint RETURNING 1),
  snapshots AS (DELETE FROM wallet_balance_snapshots WHERE chain_id = $1::bigint AND block_number > $2::bigint RETURNING 1),
  cursors AS (UPDATE wallet_cursors SET last_block = $2::bigint, last_block_hash = $3, updated_at = now()
              WHERE chain_id = $1::bigint AND last_block > $2::bigint RETURNING 1),
  hashes AS (DELETE FROM chain_block_hashes WHERE chain_id = $1::bigint AND block_number > $2::bigint RETURNING 1)
  SELECT (SELECT count(*) FROM transfers)::int AS transfers, (SELECT count(*) FROM snapshots)::int AS snapshots,
         (SELECT count(*) FROM cursors)::int AS cursors, (SELECT count(*) FROM hashes)::int AS hashes`;

export type RollbackCounts = { transfers: number; snapshots: number; cursors: number; hashes: number };

/** A new cursor starts just before the chain's start block ($5). */
export const ENSURE_CURSOR_SQL = `INSERT INTO wallet_cursors (wallet_id, chain_id, org_id, address, last_block)
  VALUES ($1::uuid, $2::bigint, $3::uuid, $4, $5::bigint) ON CONFLICT (wallet_id, chain_id) DO NOTHING`;

export type CursorRow = { org_id: string; address: string; last_block: string; last_block_hash: string | null };

/** Locks the wallet's cursor on the chain for the rest of the run: a second worker waits, then sees it moved. */
export const LOCK_CURSOR_SQL = `SELECT org_id::text, address, last_block::text, last_block_hash FROM wallet_cursors
  WHERE wallet_id = $1::uuid AND chain_id = $2::bigint FOR UPDATE`;

export const MOVE_CURSOR_SQL = `UPDATE wallet_cursors SET last_block = $3::bigint, last_block_hash = $4, updated_at = now()
  WHERE wallet_id = $1::uuid AND chain_id = $2::bigint`;

/**
 * Upserts transfers by (wallet, chain, tx hash, log index) ($4: JSON rows). A log read again
 * unchanged is left alone; RETURNING says which rows are new.
 */
export const UPSERT_TRANSFERS_SQL = `INSERT INTO wallet_transfers (org_id, wallet_id, chain_id, tx_hash, log_index,
    block_number, block_hash, block_time, token_address, from_address, to_address, direction, amount)
  SELECT $1::uuid, $2::uuid, $3::bigint, r.tx_hash, r.log_index, r.block_number, r.block_hash,
         to_timestamp(r.block_time), r.token_address, r.from_address, r.to_address, r.direction, r.amount
  FROM json_to_recordset($4::json) AS r(tx_hash text, log_index int, block_number bigint, block_hash text,
    block_time bigint, token_address text, from_address text, to_address text, direction text, amount numeric)
  ON CONFLICT ON CONSTRAINT wallet_transfers_log_key DO UPDATE SET
    block_number = EXCLUDED.block_number, block_hash = EXCLUDED.block_hash, block_time = EXCLUDED.block_time,
    token_address = EXCLUDED.token_address, from_address = EXCLUDED.from_address, to_address = EXCLUDED.to_address,
    direction = EXCLUDED.direction, amount = EXCLUDED.amount
  WHERE wallet_transfers.block_hash IS DISTINCT FROM EXCLUDED.block_hash OR wallet_transfers.amount IS DISTINCT FROM EXCLUDED.amount
  RETURNING (xmax = 0) AS inserted`;

/**
 * A balance snapshot per asset whose amount differs from the asset's latest snapshot ($6: JSON
 * [{ asset, symbol, decimals, amount }], amounts as decimal strings). Reading the same block again
 * writes nothing.
 */
export const INSERT_SNAPSHOTS_SQL = `INSERT INTO wallet_balance_snapshots (org_id, wallet_id, chain_id, asset, symbol, decimals,
    amount, block_number, at)
  SELECT $1::uuid, $2::uuid, $3::bigint, r.asset, r.symbol, r.decimals, r.amount, $4::bigint, to_timestamp($5::bigint)
  FROM json_to_recordset($6::json) AS r(asset text, symbol text, decimals smallint, amount numeric)
  WHERE r.amount IS DISTINCT FROM (SELECT s.amount FROM wallet_balance_snapshots s
    WHERE s.wallet_id = $2::uuid AND s.chain_id = $3::bigint AND s.asset = r.asset ORDER BY s.block_number DESC LIMIT 1)
  ON CONFLICT ON CONSTRAINT wallet_balance_snapshots_block_key DO NOTHING
  RETURNING asset`;
