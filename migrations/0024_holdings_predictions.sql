-- Holdings: prediction-market positions held by a wallet (issue 10, item 6).
--
-- Every wallet poll (0022) also asks the prediction venue (Polymarket's public Data API) for the
-- positions of the wallet's address, and nothing else (H17: no name, email or id leaves). What
-- it keeps:
--   * prediction_snapshots: one row per change of a wallet's positions on a venue. A poll that
--     reads the same positions as the latest snapshot writes none (a step line, like exchange
--     balances); as_of is when the positions were read. A snapshot with no positions says "held
--     nothing from then on" (every position closed).
--   * prediction_positions: the lines of a snapshot. Numbers are kept exactly as the venue wrote
--     them (numeric, no float on the way).
--   * wallet_prediction_feeds: per wallet and venue, when positions were last read successfully
--     and since when reading them fails. A failed read writes only this and its poll run's
--     outcome, so the last good snapshot stays and shows as stale.
--   * wallet_poll_runs gains the prediction read's own outcome next to the chain ingest's:
--     the poll run is the record of every poll, and a venue failure must not turn the chain
--     ingest's outcome into an error (nor the reverse). NULL: no venue is configured.
--
-- Who reads, as vigil_user, within the actor's organization: predictions:read; without
-- employees:read only the rows of the employee bound to the actor. Only vigil_system writes.

CREATE TABLE prediction_snapshots (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id          uuid NOT NULL,
  wallet_id       uuid NOT NULL,
  employee_id     uuid NOT NULL,
  venue           text NOT NULL CHECK (venue IN ('polymarket')),
  as_of           timestamptz(3) NOT NULL,
  position_count  integer NOT NULL CHECK (position_count >= 0),
  UNIQUE (org_id, id),
  FOREIGN KEY (org_id, wallet_id) REFERENCES wallets (org_id, id),
  FOREIGN KEY (org_id, employee_id) REFERENCES employees (org_id, id)
);
CREATE INDEX prediction_snapshots_wallet_idx ON prediction_snapshots (wallet_id, venue, as_of DESC);
CREATE INDEX prediction_snapshots_employee_idx ON prediction_snapshots (org_id, employee_id, as_of DESC);

CREATE TABLE prediction_positions (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  snapshot_id    uuid NOT NULL,
  org_id         uuid NOT NULL,
  wallet_id      uuid NOT NULL,
  employee_id    uuid NOT NULL,
  -- The market (Polymarket's condition id) and the outcome token held in it (its ERC-1155 id).
  condition_id   text NOT NULL CHECK (condition_id ~ '^0x[0-9a-fA-F]{64}$'),
  asset          text NOT NULL CHECK (asset ~ '^[0-9]{1,78}$'),
  market         text NOT NULL CHECK (length(market) <= 500),
  outcome        text NOT NULL CHECK (length(outcome) <= 200),
  size           numeric NOT NULL CHECK (size >= 0),
  avg_price      numeric NOT NULL CHECK (avg_price >= 0),
  current_value  numeric NOT NULL CHECK (current_value >= 0),
  cur_price      numeric CHECK (cur_price >= 0),
  UNIQUE (snapshot_id, asset),
  FOREIGN KEY (org_id, snapshot_id) REFERENCES prediction_snapshots (org_id, id)
);
CREATE INDEX prediction_positions_snapshot_idx ON prediction_positions (snapshot_id);

CREATE TABLE wallet_prediction_feeds (
  wallet_id        uuid NOT NULL,
  venue            text NOT NULL CHECK (venue IN ('polymarket')),
  org_id           uuid NOT NULL,
  employee_id      uuid NOT NULL,
  last_read_at     timestamptz(3),
  last_success_at  timestamptz(3),
  last_error       text CHECK (length(last_error) <= 2000),
  failing_since    timestamptz(3),
  PRIMARY KEY (wallet_id, venue),
  FOREIGN KEY (org_id, wallet_id) REFERENCES wallets (org_id, id)
);

ALTER TABLE wallet_poll_runs
  ADD COLUMN predictions_outcome text CHECK (predictions_outcome IN ('ok', 'error')),
  ADD COLUMN predictions_error   text CHECK (length(predictions_error) <= 2000);

ALTER TABLE prediction_snapshots ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE prediction_positions ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE wallet_prediction_feeds ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

CREATE POLICY prediction_snapshots_read ON prediction_snapshots FOR SELECT TO vigil_user
  USING (org_id = (SELECT app_org_id()) AND (SELECT app_has('predictions:read'))
         AND ((SELECT app_has('employees:read')) OR employee_id = (SELECT app_employee_id())));
CREATE POLICY prediction_positions_read ON prediction_positions FOR SELECT TO vigil_user
  USING (org_id = (SELECT app_org_id()) AND (SELECT app_has('predictions:read'))
         AND ((SELECT app_has('employees:read')) OR employee_id = (SELECT app_employee_id())));
CREATE POLICY wallet_prediction_feeds_read ON wallet_prediction_feeds FOR SELECT TO vigil_user
  USING (org_id = (SELECT app_org_id()) AND (SELECT app_has('predictions:read'))
         AND ((SELECT app_has('employees:read')) OR employee_id = (SELECT app_employee_id())));
CREATE POLICY prediction_snapshots_system ON prediction_snapshots TO vigil_system USING (true) WITH CHECK (true);
CREATE POLICY prediction_positions_system ON prediction_positions TO vigil_system USING (true) WITH CHECK (true);
CREATE POLICY wallet_prediction_feeds_system ON wallet_prediction_feeds TO vigil_system USING (true) WITH CHECK (true);

-- A user session reads; it never writes (no INSERT, UPDATE or DELETE is granted to vigil_user).
GRANT SELECT ON prediction_snapshots, prediction_positions, wallet_prediction_feeds TO vigil_user;
GRANT SELECT, INSERT ON prediction_snapshots, prediction_positions TO vigil_system;
GRANT SELECT, INSERT, UPDATE ON wallet_prediction_feeds TO vigil_system;
