-- Holdings: wallets polled on the same scheduler as exchange connections (issue 10, items 5, 8, 9).
--
-- A wallet gets the health columns a connection has (migration 0018): the scheduler claims due
-- rows by next_poll_at (FOR UPDATE SKIP LOCKED, moved a whole interval ahead in the same
-- statement), and each poll records its outcome on the row and in wallet_poll_runs. A failed poll
-- writes only that: the last good balance snapshot stays, stale since failing_since.
--
-- wallet_poll_runs is its own table rather than poll_runs (0021): poll_runs is keyed by
-- connection_id with a foreign key to exchange_connections and an outcome set made for venues
-- (auth_failed, scope_widened ...). Generalising it would loosen both; a small table of the same
-- shape keeps each foreign key exact and each outcome set closed.

ALTER TABLE wallets
  ADD COLUMN last_poll_at     timestamptz(3),
  ADD COLUMN last_success_at  timestamptz(3),
  ADD COLUMN last_error       text CHECK (length(last_error) <= 2000),
  ADD COLUMN failing_since    timestamptz(3),
  -- NULL: never polled, due at once (a wallet just added is read in the next scheduler tick).
  ADD COLUMN next_poll_at     timestamptz(3);

CREATE INDEX wallets_due_idx ON wallets (next_poll_at) WHERE status = 'active';

CREATE TABLE wallet_poll_runs (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id       uuid NOT NULL,
  wallet_id    uuid NOT NULL,
  employee_id  uuid NOT NULL,
  chain_id     bigint NOT NULL CHECK (chain_id > 0),
  started_at   timestamptz(3) NOT NULL,
  finished_at  timestamptz(3) NOT NULL,
  outcome      text NOT NULL CHECK (outcome IN ('ok', 'error')),
  duration_ms  integer NOT NULL CHECK (duration_ms >= 0),
  -- Blocks read, transfers new and seen, snapshots written.
  counts       jsonb NOT NULL DEFAULT '{}',
  error        text CHECK (length(error) <= 2000),
  FOREIGN KEY (org_id, wallet_id) REFERENCES wallets (org_id, id)
);
CREATE INDEX wallet_poll_runs_wallet_idx ON wallet_poll_runs (wallet_id, started_at DESC);

ALTER TABLE wallet_poll_runs ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY wallet_poll_runs_read ON wallet_poll_runs FOR SELECT TO vigil_user
  USING (org_id = (SELECT app_org_id()) AND (SELECT app_has('connections:read'))
         AND ((SELECT app_has('employees:read')) OR employee_id = (SELECT app_employee_id())));
CREATE POLICY wallet_poll_runs_system ON wallet_poll_runs TO vigil_system USING (true) WITH CHECK (true);

GRANT SELECT ON wallet_poll_runs TO vigil_user;
GRANT SELECT, INSERT ON wallet_poll_runs TO vigil_system;

-- A user session changes a wallet's label and status only (removing it); its health is the
-- poller's (vigil_system) to write.
REVOKE UPDATE ON wallets FROM vigil_user;
GRANT UPDATE (label, status, updated_at) ON wallets TO vigil_user;
