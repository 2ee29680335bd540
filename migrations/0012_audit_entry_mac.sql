-- Forged entries are caught (issue 8, item 11; server/src/core/audit/README.md, "Entry MACs").
--
-- A database superuser could INSERT a row into audit_log and the chainer linked it like any other:
-- the hash chain proves order and integrity, not who wrote an entry. Each writer now signs its
-- entry: `mac` is HMAC-SHA256 over a random nonce and the entry's canonical content, under a key
-- derived from the key ring, which lives outside the database. The verifier checks it; the chainer
-- does not (appends stay as fast).
--
-- Stop every writer of the previous version before this runs: an entry written without a MAC after
-- it is reported as forged. ADD COLUMN takes audit_log's ACCESS EXCLUSIVE lock, so it waits for
-- the writers still in a transaction, and every entry from before is committed when the starts
-- below are counted.

-- The writer's MAC, `<keyId>:<nonce>:<tag>` (base64url). Nullable only because the entries from
-- before this migration have none; see audit_mac_start for where those are accepted.
ALTER TABLE audit_log ADD COLUMN mac text;

-- Writers set it with the content (they still cannot choose xid or id).
GRANT INSERT (mac) ON audit_log TO vigil_user, vigil_system;

-- The view shows what the verifier reads: the MAC with the content.
CREATE OR REPLACE VIEW audit_entries WITH (security_invoker = true) AS
  SELECT l.org_id, l.seq, c.at, c.actor_type, c.actor_id, c.actor_role, c.system_source, c.action,
         c.resource_type, c.resource_id, c.deal_id, c.ip_address, c.outcome, c.details,
         encode(l.prev_hash, 'hex') AS prev_hash, encode(l.hash, 'hex') AS hash, c.mac
  FROM audit_chain l
  JOIN audit_log c ON c.xid = l.entry_xid AND c.id = l.entry_id AND c.org_id = l.org_id;

-- Each org's MAC start: `seq` is the seq its last entry from before this migration takes in its
-- chain (its head now, plus its entries not linked yet, which the chainer links next, in order).
-- A MAC-less entry is accepted at or before it only. A superuser could move it, so it counts only
-- once sealed: the process that applies this migration (and only that one: it cannot tell a row
-- never sealed from one a superuser unsealed) fills `hash` with the chain's hash at `seq` and `mac`
-- with a MAC of (org_id, seq, hash) under the key ring. The verifier accepts a start whose MAC holds
-- and whose hash is still the chain's at seq; any other start lets no MAC-less entry through.
-- Orgs with no entries yet get no row: every entry of theirs needs a MAC.
CREATE TABLE audit_mac_start (
  org_id     uuid PRIMARY KEY,
  seq        bigint NOT NULL CHECK (seq > 0),
  hash       text CHECK (hash ~ '^[0-9a-f]{64}$'),
  mac        text,
  sealed_at  timestamptz(3)
);

-- The owner counts the rows below; forced RLS would hide them from it.
ALTER TABLE audit_log NO FORCE ROW LEVEL SECURITY;
ALTER TABLE audit_chain_heads NO FORCE ROW LEVEL SECURITY;
ALTER TABLE audit_chain_cursor NO FORCE ROW LEVEL SECURITY;

INSERT INTO audit_mac_start (org_id, seq)
  SELECT org_id, sum(n) FROM (
    SELECT org_id, seq AS n FROM audit_chain_heads
    UNION ALL
    SELECT c.org_id, count(*) FROM audit_log c
    WHERE (c.xid, c.id) > (coalesce((SELECT entry_xid FROM audit_chain_cursor), '0'::xid8),
                           coalesce((SELECT entry_id FROM audit_chain_cursor), 0))
    GROUP BY c.org_id
  ) counted
  GROUP BY org_id HAVING sum(n) > 0;

ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
ALTER TABLE audit_chain_heads FORCE ROW LEVEL SECURITY;
ALTER TABLE audit_chain_cursor FORCE ROW LEVEL SECURITY;

-- Only vigil_system reads the starts (the verifier) and seals them, once: a sealed row can no
-- longer be updated through the policy. Nothing for vigil_user.
ALTER TABLE audit_mac_start ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_mac_start_system_read ON audit_mac_start FOR SELECT TO vigil_system USING (true);
CREATE POLICY audit_mac_start_system_seal ON audit_mac_start FOR UPDATE TO vigil_system
  USING (mac IS NULL) WITH CHECK (true);
GRANT SELECT, UPDATE (hash, mac, sealed_at) ON audit_mac_start TO vigil_system;
