-- The audit log (see server/src/modules/audit/README.md for the invariants).
--
--   audit_inbox        writers append here, in their own transaction (a state change) or in a
--                      group-committed batch (reads). No order, no hashes: cheap and contention-free.
--   audit_log          the chained, append-only log: gapless seq per org, hash = SHA-256(prev_hash ‖
--                      canonical JSON of the entry). Only the chainer (vigil_system) inserts.
--   audit_chain_heads  the chainer's record of each org's last seq and hash, so a verifier also
--                      catches entries removed from the tail.
--   admin_audit_log    every Admin write again, with its written justification. Append-only.

-- Inbox --------------------------------------------------------------------------------------------

CREATE TABLE audit_inbox (
  id             bigserial NOT NULL,
  org_id         uuid NOT NULL,
  at             timestamptz(3) NOT NULL,
  actor_type     text NOT NULL CHECK (actor_type IN ('user', 'api_key', 'system', 'anonymous')),
  actor_id       text,
  actor_role     text,
  system_source  text,
  action         text NOT NULL,
  resource_type  text,
  resource_id    text,
  deal_id        text,
  ip_address     text,
  outcome        text NOT NULL CHECK (outcome IN ('allowed', 'denied', 'error')),
  details        jsonb NOT NULL DEFAULT '{}',
  -- The writer's transaction id. The chainer takes an entry only once every transaction with a
  -- lower id has ended (xid < xmin of its snapshot), so chaining order is (xid, id) and no entry
  -- can later appear "behind" entries already chained.
  xid            xid8 NOT NULL DEFAULT pg_current_xact_id()
)
-- A queue: rows live for ~one chainer interval. Vacuum often so the chainer's scan stays short.
WITH (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 10000,
      autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 10000);
-- The chainer's only access path: the next entries in (xid, id) order. Between vacuums the heap
-- fills with dead rows of chained entries; walking this index touches live entries only (btree
-- marks dead entries as it meets them), where a scan of the heap would read them all. The chainer
-- deletes by ctid within its transaction, so no other index is needed.
CREATE INDEX audit_inbox_next_idx ON audit_inbox (xid, id);

-- Chained log ---------------------------------------------------------------------------------------

-- No surrogate id: (org_id, seq) names an entry, and every index costs the chainer per entry.
CREATE TABLE audit_log (
  org_id         uuid NOT NULL,
  seq            bigint NOT NULL CHECK (seq > 0),
  at             timestamptz(3) NOT NULL,
  actor_type     text NOT NULL CHECK (actor_type IN ('user', 'api_key', 'system', 'anonymous')),
  actor_id       text,
  actor_role     text,
  system_source  text,
  action         text NOT NULL,
  resource_type  text,
  resource_id    text,
  deal_id        text,
  ip_address     text,
  outcome        text NOT NULL CHECK (outcome IN ('allowed', 'denied', 'error')),
  details        jsonb NOT NULL DEFAULT '{}',
  prev_hash      text NOT NULL,
  hash           text NOT NULL,
  -- Also serves listing by (org_id, seq DESC): a btree scans both ways.
  CONSTRAINT audit_log_pkey PRIMARY KEY (org_id, seq)
);
CREATE INDEX audit_log_org_at_idx ON audit_log (org_id, at);
CREATE INDEX audit_log_org_actor_idx ON audit_log (org_id, actor_id);
CREATE INDEX audit_log_org_resource_type_idx ON audit_log (org_id, resource_type);

CREATE TABLE audit_chain_heads (
  org_id      uuid PRIMARY KEY,
  seq         bigint NOT NULL CHECK (seq > 0),
  hash        text NOT NULL,
  updated_at  timestamptz(3) NOT NULL DEFAULT now()
);

-- Admin writes, logged a second time ---------------------------------------------------------------

CREATE TABLE admin_audit_log (
  id             bigserial PRIMARY KEY,
  org_id         uuid NOT NULL,
  at             timestamptz(3) NOT NULL DEFAULT now(),
  actor_id       text NOT NULL,
  actor_role     text,
  action         text NOT NULL,
  resource_type  text,
  resource_id    text,
  details        jsonb NOT NULL DEFAULT '{}',
  ip_address     text,
  justification  text NOT NULL CHECK (length(btrim(justification)) > 0)
);
CREATE INDEX admin_audit_log_org_at_idx ON admin_audit_log (org_id, at DESC);

-- Append-only ---------------------------------------------------------------------------------------

-- Statement-level, so the refusal does not depend on which rows the caller can see: under forced
-- RLS a zero-row UPDATE is refused as well, and TRUNCATE (which RLS does not filter) too.
CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = '23001';
END
$$;

CREATE TRIGGER audit_log_append_only
  BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER admin_audit_log_append_only
  BEFORE UPDATE OR DELETE OR TRUNCATE ON admin_audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

-- Row-level security ----------------------------------------------------------------------------------

ALTER TABLE audit_inbox ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE audit_chain_heads ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE admin_audit_log ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

-- A request appends entries of its own org only, and never reads the inbox.
CREATE POLICY audit_inbox_user_insert ON audit_inbox FOR INSERT TO vigil_user
  WITH CHECK (org_id = app_org_id());
CREATE POLICY audit_inbox_system ON audit_inbox TO vigil_system USING (true) WITH CHECK (true);

CREATE POLICY audit_log_user_read ON audit_log FOR SELECT TO vigil_user
  USING (org_id = app_org_id() AND app_has('audit:read'));
CREATE POLICY audit_log_system_read ON audit_log FOR SELECT TO vigil_system USING (true);
CREATE POLICY audit_log_system_insert ON audit_log FOR INSERT TO vigil_system WITH CHECK (true);

CREATE POLICY audit_chain_heads_system ON audit_chain_heads TO vigil_system USING (true) WITH CHECK (true);

CREATE POLICY admin_audit_log_user_insert ON admin_audit_log FOR INSERT TO vigil_user
  WITH CHECK (org_id = app_org_id());
CREATE POLICY admin_audit_log_user_read ON admin_audit_log FOR SELECT TO vigil_user
  USING (org_id = app_org_id() AND app_has('audit:read'));
CREATE POLICY admin_audit_log_system_read ON admin_audit_log FOR SELECT TO vigil_system USING (true);
CREATE POLICY admin_audit_log_system_insert ON admin_audit_log FOR INSERT TO vigil_system WITH CHECK (true);

-- Grants -----------------------------------------------------------------------------------------------
-- Nobody but the owner holds UPDATE, DELETE or TRUNCATE on audit_log or admin_audit_log, and the
-- owner is stopped by the triggers. Writers may not choose id or xid (column grants): a writer that
-- set a far-future xid could hold its entry out of the chain.

GRANT INSERT (org_id, at, actor_type, actor_id, actor_role, system_source, action, resource_type,
              resource_id, deal_id, ip_address, outcome, details)
  ON audit_inbox TO vigil_user, vigil_system;
GRANT SELECT, DELETE ON audit_inbox TO vigil_system;
GRANT USAGE ON SEQUENCE audit_inbox_id_seq TO vigil_user, vigil_system;

GRANT SELECT ON audit_log TO vigil_user;
GRANT SELECT, INSERT ON audit_log TO vigil_system;

GRANT SELECT, INSERT, UPDATE ON audit_chain_heads TO vigil_system;

GRANT INSERT (org_id, at, actor_id, actor_role, action, resource_type, resource_id, details,
              ip_address, justification)
  ON admin_audit_log TO vigil_user, vigil_system;
GRANT SELECT ON admin_audit_log TO vigil_user, vigil_system;
GRANT USAGE ON SEQUENCE admin_audit_log_id_seq TO vigil_user, vigil_system;
