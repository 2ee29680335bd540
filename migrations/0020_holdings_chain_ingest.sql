-- Holdings: what the chain ingest keeps of each wallet on each configured chain (issue 10, item 5).
--
-- The ingest (server/src/modules/holdings/chains, its README states the invariants) reads ERC-20
-- Transfer logs in and out of a wallet since a per-(wallet, chain) cursor, only up to
-- head - confirmations, keeps the hashes of each chain's recent blocks, and on a reorg deletes
-- what came from orphaned blocks (every wallet on that chain at once) and moves the cursors back
-- to the fork point. It runs as vigil_system: a reorg is not one organization's event.
--
-- wallet_id names a row of `wallets` (migration 0018); the foreign keys are added with it.
--
-- Who reads what, as vigil_user, within the actor's organization:
--   * wallet_transfers: transactions:read (the Viewer holds no such permission and sees none).
--   * wallet_balance_snapshots: balances:read.
--   * wallet_cursors (how far each wallet is read, for feed health): connections:read together
--     with employees:read. The Employee role holds connections:read alone and so reads none of
--     the three until a policy limited to the wallets bound to its own employee is added with
--     the foreign keys; until then it fails closed.
-- Nothing here is written by a request.

-- Block hashes are public chain data, about no organization: one row per chain and block, for the
-- recent window only (the ingest prunes older rows). Only the ingest reads or writes them, so only
-- vigil_system is granted anything: no request has a use for them, and deny by default costs
-- nothing. RLS is still forced, like every table, so a later grant cannot open it by accident.
CREATE TABLE chain_block_hashes (
  chain_id      bigint NOT NULL CHECK (chain_id > 0),
  block_number  bigint NOT NULL CHECK (block_number >= 0),
  block_hash    text NOT NULL CHECK (block_hash ~ '^0x[0-9a-f]{64}$'),
  parent_hash   text NOT NULL CHECK (parent_hash ~ '^0x[0-9a-f]{64}$'),
  recorded_at   timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (chain_id, block_number)
);

-- How far a wallet's transfers are read on a chain: every block up to last_block (-1 before the
-- first read of a chain starting at block 0). The row is locked for the whole run, so two workers
-- never read the same wallet at once.
CREATE TABLE wallet_cursors (
  wallet_id        uuid NOT NULL,
  chain_id         bigint NOT NULL CHECK (chain_id > 0),
  org_id           uuid NOT NULL,
  address          text NOT NULL CHECK (address ~ '^0x[0-9a-fA-F]{40}$'),
  last_block       bigint NOT NULL CHECK (last_block >= -1),
  last_block_hash  text CHECK (last_block_hash ~ '^0x[0-9a-f]{64}$'),
  updated_at       timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (wallet_id, chain_id)
);
-- A rollback finds the cursors past the fork point.
CREATE INDEX wallet_cursors_chain_block_idx ON wallet_cursors (chain_id, last_block);

-- One row per wallet and log: the same log is "out" for its sender's wallet and "in" for its
-- receiver's, and each wallet may belong to another organization, so the upsert key is
-- (wallet, chain, tx hash, log index). amount is the token's raw integer units (uint256 fits in
-- 78 digits); token_address may be any ERC-20, configured or not (an unlisted token is exactly
-- what compliance wants to see).
CREATE TABLE wallet_transfers (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id         uuid NOT NULL,
  wallet_id      uuid NOT NULL,
  chain_id       bigint NOT NULL CHECK (chain_id > 0),
  tx_hash        text NOT NULL CHECK (tx_hash ~ '^0x[0-9a-f]{64}$'),
  log_index      integer NOT NULL CHECK (log_index >= 0),
  block_number   bigint NOT NULL CHECK (block_number >= 0),
  block_hash     text NOT NULL CHECK (block_hash ~ '^0x[0-9a-f]{64}$'),
  block_time     timestamptz(3) NOT NULL,
  token_address  text NOT NULL CHECK (token_address ~ '^0x[0-9a-fA-F]{40}$'),
  from_address   text NOT NULL CHECK (from_address ~ '^0x[0-9a-fA-F]{40}$'),
  to_address     text NOT NULL CHECK (to_address ~ '^0x[0-9a-fA-F]{40}$'),
  direction      text NOT NULL CHECK (direction IN ('in', 'out', 'self')),
  amount         numeric(78, 0) NOT NULL CHECK (amount >= 0),
  ingested_at    timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT wallet_transfers_log_key UNIQUE (wallet_id, chain_id, tx_hash, log_index)
);
-- Rollback deletes by (chain, block); an employee's page lists a wallet's transfers newest first.
CREATE INDEX wallet_transfers_chain_block_idx ON wallet_transfers (chain_id, block_number);
CREATE INDEX wallet_transfers_wallet_time_idx ON wallet_transfers (org_id, wallet_id, block_time DESC, id);

-- A wallet's balance of one asset ('native' or a configured token's address) as of a block,
-- written when it differs from the previous snapshot: the latest row holds until a newer one.
-- at is the block's time. amount is in raw units; decimals says where the point goes.
CREATE TABLE wallet_balance_snapshots (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id        uuid NOT NULL,
  wallet_id     uuid NOT NULL,
  chain_id      bigint NOT NULL CHECK (chain_id > 0),
  asset         text NOT NULL CHECK (asset = 'native' OR asset ~ '^0x[0-9a-fA-F]{40}$'),
  symbol        text NOT NULL CHECK (length(symbol) BETWEEN 1 AND 16),
  decimals      smallint NOT NULL CHECK (decimals BETWEEN 0 AND 36),
  amount        numeric(78, 0) NOT NULL CHECK (amount >= 0),
  block_number  bigint NOT NULL CHECK (block_number >= 0),
  at            timestamptz(3) NOT NULL,
  CONSTRAINT wallet_balance_snapshots_block_key UNIQUE (wallet_id, chain_id, asset, block_number)
);
CREATE INDEX wallet_balance_snapshots_chain_block_idx ON wallet_balance_snapshots (chain_id, block_number);
CREATE INDEX wallet_balance_snapshots_org_wallet_idx ON wallet_balance_snapshots (org_id, wallet_id, at);

ALTER TABLE chain_block_hashes ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE wallet_cursors ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE wallet_transfers ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE wallet_balance_snapshots ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

CREATE POLICY chain_block_hashes_system ON chain_block_hashes TO vigil_system USING (true) WITH CHECK (true);

CREATE POLICY wallet_cursors_read ON wallet_cursors FOR SELECT TO vigil_user
  USING (org_id = (SELECT app_org_id()) AND (SELECT app_has('connections:read')) AND (SELECT app_has('employees:read')));
CREATE POLICY wallet_cursors_system ON wallet_cursors TO vigil_system USING (true) WITH CHECK (true);

CREATE POLICY wallet_transfers_read ON wallet_transfers FOR SELECT TO vigil_user
  USING (org_id = (SELECT app_org_id()) AND (SELECT app_has('transactions:read')));
CREATE POLICY wallet_transfers_system ON wallet_transfers TO vigil_system USING (true) WITH CHECK (true);

CREATE POLICY wallet_balance_snapshots_read ON wallet_balance_snapshots FOR SELECT TO vigil_user
  USING (org_id = (SELECT app_org_id()) AND (SELECT app_has('balances:read')));
CREATE POLICY wallet_balance_snapshots_system ON wallet_balance_snapshots TO vigil_system USING (true) WITH CHECK (true);

GRANT SELECT ON wallet_cursors, wallet_transfers, wallet_balance_snapshots TO vigil_user;
GRANT SELECT, INSERT, UPDATE, DELETE ON chain_block_hashes, wallet_cursors, wallet_transfers, wallet_balance_snapshots
  TO vigil_system;
