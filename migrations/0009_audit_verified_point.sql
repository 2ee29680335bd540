-- Each organization's last verified point: the chain was found to hold up to the entry at `seq`,
-- whose hash is `hash` (server/src/core/audit/README.md, "Chain status"). auditChainStatus walks
-- only the entries after it and moves it forward; the scheduled full verification walks every
-- chain and sets it to the last entry that holds, so a break found before the point is reported
-- again by the status. Only vigil_system reads or writes it: the point says what need not be
-- walked again, so a request must never be able to move it past an entry.
CREATE TABLE audit_chain_verified (
  org_id       uuid PRIMARY KEY,
  seq          bigint NOT NULL CHECK (seq > 0),
  -- Hex, as audit_chain_heads and the verifier hold hashes.
  hash         text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
  verified_at  timestamptz(3) NOT NULL DEFAULT now(),
  -- When the whole chain was last walked (the scheduled verification, or a status with no point
  -- to start from); null: never since this row was first written.
  whole_at     timestamptz(3)
);

ALTER TABLE audit_chain_verified ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

CREATE POLICY audit_chain_verified_system ON audit_chain_verified TO vigil_system USING (true) WITH CHECK (true);

-- Nothing for vigil_user: a request reads its chain's status through the service, as vigil_system.
GRANT SELECT, INSERT, UPDATE, DELETE ON audit_chain_verified TO vigil_system;
