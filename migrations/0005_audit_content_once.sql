-- Each audit entry's content is written once (see server/src/modules/audit/README.md).
--
-- Before: writers appended to audit_inbox; the chainer deleted each entry from it and inserted it
-- again, with seq and hashes, into audit_log. Every entry was written twice, and each writer's
-- commit flush carried that WAL (about 1,130 bytes per entry against 620 for one insert).
--
-- Now:
--   audit_log          the entries' content, written once by the writer in its own transaction and
--                      never changed; keyed by the writer's (xid, id), which is also chain order.
--   audit_chain        one narrow link per entry, appended by the chainer: per-org gapless seq,
--                      prev_hash and hash = SHA-256(prev_hash ‖ canonical JSON of the entry), stored
--                      as 32 bytes each (the hash input is the previous hash's hex text, as before).
--   audit_entries      the chained entries: links joined to their content (a view).
--   audit_chain_cursor the last linked entry: every entry at or below it in (xid, id) order is linked.
--   audit_chain_heads  unchanged: each org's last seq and hash, as the chainer recorded them.

-- The owner moves the rows below; forced RLS would hide them from it.
ALTER TABLE audit_log NO FORCE ROW LEVEL SECURITY;
ALTER TABLE audit_inbox NO FORCE ROW LEVEL SECURITY;
ALTER TABLE audit_log RENAME TO audit_log_chained_v1;
-- Their names go to the new table's indexes.
ALTER TABLE audit_log_chained_v1 RENAME CONSTRAINT audit_log_pkey TO audit_log_chained_v1_pkey;
DROP INDEX audit_log_org_at_idx, audit_log_org_actor_idx, audit_log_org_resource_type_idx;

-- Content -------------------------------------------------------------------------------------------

-- Enums rather than CHECK constraints: PostgreSQL re-reads and plans a table's CHECK expressions
-- once per INSERT statement, which cost every single-row append about 8 % of its throughput here
-- (pgbench, 32 writers); an enum's labels are looked up in a cache.
CREATE TYPE audit_actor_type AS ENUM ('user', 'api_key', 'system', 'anonymous');
CREATE TYPE audit_outcome AS ENUM ('allowed', 'denied', 'error');

CREATE TABLE audit_log (
  id             bigserial NOT NULL,
  -- The writer's transaction id. The chainer links an entry only once every transaction with a
  -- lower id has ended (xid < xmin of its snapshot), so no entry can later appear "behind" entries
  -- already linked: (xid, id) is a total order the chain follows.
  xid            xid8 NOT NULL DEFAULT pg_current_xact_id(),
  org_id         uuid NOT NULL,
  at             timestamptz(3) NOT NULL,
  actor_type     audit_actor_type NOT NULL,
  actor_id       text,
  actor_role     text,
  system_source  text,
  action         text NOT NULL,
  resource_type  text,
  resource_id    text,
  deal_id        text,
  ip_address     text,
  outcome        audit_outcome NOT NULL,
  details        jsonb NOT NULL DEFAULT '{}',
  -- The chainer walks this index from its cursor; links find their content by it.
  CONSTRAINT audit_log_pkey PRIMARY KEY (xid, id)
);
-- Listing filters. Every index costs each writer; these three are what the console filters on.
CREATE INDEX audit_log_org_at_idx ON audit_log (org_id, at);
CREATE INDEX audit_log_org_actor_idx ON audit_log (org_id, actor_id);
CREATE INDEX audit_log_org_resource_type_idx ON audit_log (org_id, resource_type);

-- Links ----------------------------------------------------------------------------------------------

CREATE TABLE audit_chain (
  org_id     uuid NOT NULL,
  seq        bigint NOT NULL CHECK (seq > 0),
  entry_xid  xid8 NOT NULL,
  entry_id   bigint NOT NULL,
  -- bytea: half the size of hex text in every link, its WAL and the chainer's message.
  prev_hash  bytea NOT NULL CHECK (length(prev_hash) = 32),
  hash       bytea NOT NULL CHECK (length(hash) = 32),
  -- Also serves reading a chain in seq order, both ways. No index on (entry_xid, entry_id): each
  -- index costs the chainer per link, and reads find an entry from its link, never the reverse.
  -- One link per entry is the chainer's doing (one batch at a time, from the cursor); the verifier
  -- reports a second link to an entry.
  CONSTRAINT audit_chain_pkey PRIMARY KEY (org_id, seq)
);

CREATE TABLE audit_chain_cursor (
  singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  entry_xid  xid8 NOT NULL,
  entry_id   bigint NOT NULL
);

-- Existing entries ------------------------------------------------------------------------------------
-- Chained entries keep their seq and hashes (the hash covers content, never xid or id). They take
-- this transaction's xid and ids in (org_id, seq) order, so each org's (xid, id) order is its seq
-- order; inbox entries follow in their old (xid, id) order, above the cursor, to be linked next.

CREATE TEMPORARY TABLE moved ON COMMIT DROP AS
  SELECT row_number() OVER (ORDER BY org_id, seq) AS id, *
  FROM audit_log_chained_v1;
INSERT INTO audit_log (id, org_id, at, actor_type, actor_id, actor_role, system_source, action,
                       resource_type, resource_id, deal_id, ip_address, outcome, details)
  SELECT id, org_id, at, actor_type::audit_actor_type, actor_id, actor_role, system_source, action,
         resource_type, resource_id, deal_id, ip_address, outcome::audit_outcome, details
  FROM moved;
INSERT INTO audit_chain (org_id, seq, entry_xid, entry_id, prev_hash, hash)
  SELECT org_id, seq, pg_current_xact_id(), id, decode(prev_hash, 'hex'), decode(hash, 'hex') FROM moved;
INSERT INTO audit_log (id, org_id, at, actor_type, actor_id, actor_role, system_source, action,
                       resource_type, resource_id, deal_id, ip_address, outcome, details)
  SELECT (SELECT count(*) FROM moved) + row_number() OVER (ORDER BY xid, id), org_id, at,
         actor_type::audit_actor_type, actor_id, actor_role, system_source, action, resource_type,
         resource_id, deal_id, ip_address, outcome::audit_outcome, details
  FROM audit_inbox;
SELECT setval('audit_log_id_seq', coalesce(max(id), 0) + 1, false) FROM audit_log;
INSERT INTO audit_chain_cursor (entry_xid, entry_id)
  SELECT pg_current_xact_id(), max(id) FROM moved HAVING count(*) > 0;

DROP TABLE audit_log_chained_v1;
DROP TABLE audit_inbox;

-- The chained entries ---------------------------------------------------------------------------------
-- security_invoker: the reader's own grants and RLS apply to both tables. The org is required to
-- match on both sides, so a content row moved to another org drops out of its chain (the verifier
-- reports it missing at its seq) instead of joining another org's. Hashes read as hex text, the
-- form they are computed, exported and compared in.

CREATE VIEW audit_entries WITH (security_invoker = true) AS
  SELECT l.org_id, l.seq, c.at, c.actor_type, c.actor_id, c.actor_role, c.system_source, c.action,
         c.resource_type, c.resource_id, c.deal_id, c.ip_address, c.outcome, c.details,
         encode(l.prev_hash, 'hex') AS prev_hash, encode(l.hash, 'hex') AS hash
  FROM audit_chain l
  JOIN audit_log c ON c.xid = l.entry_xid AND c.id = l.entry_id AND c.org_id = l.org_id;

-- Append-only ------------------------------------------------------------------------------------------

CREATE TRIGGER audit_log_append_only
  BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_chain_append_only
  BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_chain
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

-- Row-level security -------------------------------------------------------------------------------------

ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE audit_chain ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE audit_chain_cursor ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

-- A request appends entries of its own org, and reads them only with audit:read.
CREATE POLICY audit_log_user_insert ON audit_log FOR INSERT TO vigil_user
  WITH CHECK (org_id = (SELECT app_org_id()));
CREATE POLICY audit_log_user_read ON audit_log FOR SELECT TO vigil_user
  USING (org_id = (SELECT app_org_id()) AND (SELECT app_has('audit:read')));
CREATE POLICY audit_log_system_insert ON audit_log FOR INSERT TO vigil_system WITH CHECK (true);
CREATE POLICY audit_log_system_read ON audit_log FOR SELECT TO vigil_system USING (true);

CREATE POLICY audit_chain_user_read ON audit_chain FOR SELECT TO vigil_user
  USING (org_id = (SELECT app_org_id()) AND (SELECT app_has('audit:read')));
CREATE POLICY audit_chain_system_insert ON audit_chain FOR INSERT TO vigil_system WITH CHECK (true);
CREATE POLICY audit_chain_system_read ON audit_chain FOR SELECT TO vigil_system USING (true);
CREATE POLICY audit_chain_cursor_system ON audit_chain_cursor TO vigil_system USING (true) WITH CHECK (true);

-- Grants -------------------------------------------------------------------------------------------------
-- Nobody but the owner holds UPDATE, DELETE or TRUNCATE on audit_log or audit_chain, and the owner is
-- stopped by the triggers. Writers may not choose id or xid (column grants): a writer that set a
-- far-future xid could hold its entry out of the chain, and one that set a past xid could slip an
-- entry below the cursor. Only the chainer (vigil_system) appends links.

GRANT INSERT (org_id, at, actor_type, actor_id, actor_role, system_source, action, resource_type,
              resource_id, deal_id, ip_address, outcome, details)
  ON audit_log TO vigil_user, vigil_system;
GRANT SELECT ON audit_log TO vigil_user, vigil_system;
GRANT USAGE ON SEQUENCE audit_log_id_seq TO vigil_user, vigil_system;

GRANT SELECT ON audit_chain TO vigil_user, vigil_system;
GRANT INSERT ON audit_chain TO vigil_system;
GRANT SELECT, INSERT, UPDATE ON audit_chain_cursor TO vigil_system;

GRANT SELECT ON audit_entries TO vigil_user, vigil_system;
