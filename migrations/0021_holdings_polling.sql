-- Holdings polling: what each poll of an exchange connection read (balances, trades, deposits and
-- withdrawals, upserted by the venue's own ids) and how each poll went.
--
-- Reads follow the connection's rules (0018): connections:read with employees:read reads every
-- employee's, an Employee only its own; balances:read and transactions:read are the DESIGN.md
-- permissions for what was read (a Viewer sees balances, never transactions). Only the worker
-- (vigil_system) writes.

CREATE TABLE exchange_balances (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id         uuid NOT NULL,
  connection_id  uuid NOT NULL,
  employee_id    uuid NOT NULL,
  -- One snapshot is every line read by one poll; they share fetched_at.
  fetched_at     timestamptz(3) NOT NULL,
  asset          text NOT NULL CHECK (length(asset) BETWEEN 1 AND 32),
  total          numeric NOT NULL,
  free           numeric NOT NULL,
  used           numeric NOT NULL,
  FOREIGN KEY (org_id, connection_id) REFERENCES exchange_connections (org_id, id)
);
CREATE INDEX exchange_balances_connection_idx ON exchange_balances (connection_id, fetched_at DESC);
CREATE INDEX exchange_balances_employee_idx ON exchange_balances (employee_id, fetched_at DESC);

CREATE TABLE exchange_trades (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id         uuid NOT NULL,
  connection_id  uuid NOT NULL,
  employee_id    uuid NOT NULL,
  -- The venue's own fill id, as text (KuCoin's exceed 2^53).
  venue_trade_id text NOT NULL CHECK (length(venue_trade_id) BETWEEN 1 AND 128),
  order_id       text CHECK (length(order_id) <= 128),
  symbol         text NOT NULL CHECK (length(symbol) <= 64),
  side           text NOT NULL CHECK (side IN ('buy', 'sell')),
  amount         numeric NOT NULL,
  price          numeric NOT NULL,
  cost           numeric,
  fee_asset      text CHECK (length(fee_asset) <= 32),
  fee_amount     numeric,
  traded_at      timestamptz(3) NOT NULL,
  first_seen_at  timestamptz(3) NOT NULL DEFAULT now(),
  UNIQUE (connection_id, venue_trade_id),
  FOREIGN KEY (org_id, connection_id) REFERENCES exchange_connections (org_id, id)
);
CREATE INDEX exchange_trades_employee_idx ON exchange_trades (employee_id, traded_at DESC);

CREATE TABLE exchange_transfers (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id             uuid NOT NULL,
  connection_id      uuid NOT NULL,
  employee_id        uuid NOT NULL,
  kind               text NOT NULL CHECK (kind IN ('deposit', 'withdrawal')),
  venue_transfer_id  text NOT NULL CHECK (length(venue_transfer_id) BETWEEN 1 AND 160),
  txid               text CHECK (length(txid) <= 160),
  asset              text NOT NULL CHECK (length(asset) <= 32),
  amount             numeric NOT NULL,
  fee_asset          text CHECK (length(fee_asset) <= 32),
  fee_amount         numeric,
  network            text CHECK (length(network) <= 64),
  address            text CHECK (length(address) <= 256),
  status             text NOT NULL CHECK (status IN ('pending', 'ok', 'failed', 'canceled', 'unknown')),
  happened_at        timestamptz(3) NOT NULL,
  first_seen_at      timestamptz(3) NOT NULL DEFAULT now(),
  UNIQUE (connection_id, kind, venue_transfer_id),
  FOREIGN KEY (org_id, connection_id) REFERENCES exchange_connections (org_id, id)
);
CREATE INDEX exchange_transfers_employee_idx ON exchange_transfers (employee_id, happened_at DESC);

CREATE TABLE poll_runs (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id         uuid NOT NULL,
  connection_id  uuid NOT NULL,
  employee_id    uuid NOT NULL,
  started_at     timestamptz(3) NOT NULL,
  finished_at    timestamptz(3) NOT NULL,
  outcome        text NOT NULL
                 CHECK (outcome IN ('ok', 'auth_failed', 'rate_limited', 'error', 'scope_widened', 'scope_unknown')),
  duration_ms    integer NOT NULL CHECK (duration_ms >= 0),
  -- How many balances, trades, deposits and withdrawals the poll read (new or seen before).
  counts         jsonb NOT NULL DEFAULT '{}',
  error          text CHECK (length(error) <= 2000),
  FOREIGN KEY (org_id, connection_id) REFERENCES exchange_connections (org_id, id)
);
CREATE INDEX poll_runs_connection_idx ON poll_runs (connection_id, started_at DESC);

ALTER TABLE exchange_balances ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE exchange_trades ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE exchange_transfers ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE poll_runs ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

CREATE POLICY exchange_balances_read ON exchange_balances FOR SELECT TO vigil_user
  USING (org_id = (SELECT app_org_id()) AND (SELECT app_has('balances:read'))
         AND ((SELECT app_has('employees:read')) OR employee_id = (SELECT app_employee_id())));
CREATE POLICY exchange_trades_read ON exchange_trades FOR SELECT TO vigil_user
  USING (org_id = (SELECT app_org_id()) AND (SELECT app_has('transactions:read'))
         AND ((SELECT app_has('employees:read')) OR employee_id = (SELECT app_employee_id())));
CREATE POLICY exchange_transfers_read ON exchange_transfers FOR SELECT TO vigil_user
  USING (org_id = (SELECT app_org_id()) AND (SELECT app_has('transactions:read'))
         AND ((SELECT app_has('employees:read')) OR employee_id = (SELECT app_employee_id())));
CREATE POLICY poll_runs_read ON poll_runs FOR SELECT TO vigil_user
  USING (org_id = (SELECT app_org_id()) AND (SELECT app_has('connections:read'))
         AND ((SELECT app_has('employees:read')) OR employee_id = (SELECT app_employee_id())));
CREATE POLICY exchange_balances_system ON exchange_balances TO vigil_system USING (true) WITH CHECK (true);
CREATE POLICY exchange_trades_system ON exchange_trades TO vigil_system USING (true) WITH CHECK (true);
CREATE POLICY exchange_transfers_system ON exchange_transfers TO vigil_system USING (true) WITH CHECK (true);
CREATE POLICY poll_runs_system ON poll_runs TO vigil_system USING (true) WITH CHECK (true);

GRANT SELECT ON exchange_balances, exchange_trades, exchange_transfers, poll_runs TO vigil_user;
GRANT SELECT, INSERT ON exchange_balances, poll_runs TO vigil_system;
GRANT SELECT, INSERT, UPDATE ON exchange_trades, exchange_transfers TO vigil_system;

-- The chain ingest's rows (0020) name a wallet of their own organization.
ALTER TABLE wallet_cursors ADD FOREIGN KEY (org_id, wallet_id) REFERENCES wallets (org_id, id);
ALTER TABLE wallet_transfers ADD FOREIGN KEY (org_id, wallet_id) REFERENCES wallets (org_id, id);
ALTER TABLE wallet_balance_snapshots ADD FOREIGN KEY (org_id, wallet_id) REFERENCES wallets (org_id, id);
