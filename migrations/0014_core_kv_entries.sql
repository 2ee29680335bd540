-- Revocations survive restarts in embedded mode (issue 9, item 1). With Redis, the token denylist
-- (session, user and role cutoffs) lives there. Embedded mode has no Redis: it kept the denylist in
-- memory, so a restart made a signed-out session's or a disabled user's token work again while the
-- signing key and the tokens survived. Embedded mode now writes every denylist entry here too
-- (lib/kv/durable-kv.ts) before the revoking request returns, and reads them back at start.
CREATE TABLE kv_entries (
  key         text PRIMARY KEY CHECK (length(key) <= 512),
  value       text NOT NULL CHECK (length(value) <= 4096),
  expires_at  timestamptz(3) NOT NULL
);

ALTER TABLE kv_entries ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
-- Platform state, never a tenant's: only the system reads or writes it.
CREATE POLICY kv_entries_system ON kv_entries TO vigil_system USING (true) WITH CHECK (true);
GRANT SELECT, INSERT, UPDATE, DELETE ON kv_entries TO vigil_system;
