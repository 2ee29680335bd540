-- Holdings oversight: the employees an organization oversees, their single-use invitations, and
-- the exchange connections and wallets they onboard.
--
-- Who sees what (DESIGN.md "Principals, roles, permissions"), repeated here under the services:
--   * employees:read reads the roster; an Employee (a user bound to an employee row) reads its own
--     row only.
--   * connections:read reads connections and wallets; without employees:read it reads only those
--     of the employee bound to the actor (the Employee role holds connections:* and nothing else).
--   * Invitations are read and written by employees:write holders only; accepting one happens
--     before there is a user, as vigil_system.

CREATE TABLE employees (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id             uuid NOT NULL REFERENCES organizations (id),
  name               text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  email              text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 320),
  department         text NOT NULL DEFAULT '' CHECK (length(department) <= 120),
  status             text NOT NULL DEFAULT 'invited'
                     CHECK (status IN ('invited', 'active', 'needs_reonboarding', 'offboarded')),
  -- The account the employee made from its invitation: the Employee role bound to this row.
  user_id            uuid UNIQUE,
  status_changed_at  timestamptz(3) NOT NULL DEFAULT now(),
  status_note        text CHECK (length(status_note) <= 2000),
  created_at         timestamptz(3) NOT NULL DEFAULT now(),
  updated_at         timestamptz(3) NOT NULL DEFAULT now(),
  UNIQUE (org_id, id),
  FOREIGN KEY (user_id) REFERENCES users (id)
);
-- One roster entry per person and organization while it is not offboarded (a rehire is a new row
-- next to the kept history).
CREATE UNIQUE INDEX employees_org_email_key ON employees (org_id, email) WHERE status <> 'offboarded';
CREATE INDEX employees_org_name_idx ON employees (org_id, name, id);

CREATE TABLE employee_invitations (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id       uuid NOT NULL,
  employee_id  uuid NOT NULL,
  -- SHA-256 of the 32 random bytes in the link; the link itself is never stored.
  token_hash   bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
  created_by   uuid,
  created_at   timestamptz(3) NOT NULL DEFAULT now(),
  expires_at   timestamptz(3) NOT NULL,
  used_at      timestamptz(3),
  revoked_at   timestamptz(3),
  FOREIGN KEY (org_id, employee_id) REFERENCES employees (org_id, id),
  CHECK (expires_at > created_at)
);
-- At most one live link per employee: re-issuing revokes the old one in the same transaction,
-- and two concurrent re-issues cannot both leave a live link.
CREATE UNIQUE INDEX employee_invitations_one_live ON employee_invitations (employee_id)
  WHERE used_at IS NULL AND revoked_at IS NULL;

CREATE TABLE exchange_connections (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id            uuid NOT NULL,
  employee_id       uuid NOT NULL,
  venue             text NOT NULL CHECK (venue ~ '^[a-z0-9_]{2,32}$'),
  label             text NOT NULL DEFAULT '' CHECK (length(label) <= 80),
  -- What the console shows of the key: never the key, the secret or the passphrase.
  key_fingerprint   text NOT NULL CHECK (length(key_fingerprint) BETWEEN 1 AND 16),
  -- SecretBox ciphertexts bound to this row (table:id:org); only the worker decrypts them.
  api_key_enc       text NOT NULL,
  secret_enc        text NOT NULL,
  passphrase_enc    text,
  sandbox           boolean NOT NULL DEFAULT false,
  status            text NOT NULL
                    CHECK (status IN ('active', 'scope_unverified', 'broken', 'suspended', 'removed')),
  -- What the venue answered about the key's permissions, and when (secret-free).
  scope_proof       jsonb NOT NULL,
  scope_checked_at  timestamptz(3) NOT NULL,
  key_expires_at    timestamptz(3),
  cursors           jsonb NOT NULL DEFAULT '{}',
  last_poll_at      timestamptz(3),
  last_success_at   timestamptz(3),
  last_error        text CHECK (length(last_error) <= 2000),
  failing_since     timestamptz(3),
  next_poll_at      timestamptz(3),
  created_at        timestamptz(3) NOT NULL DEFAULT now(),
  updated_at        timestamptz(3) NOT NULL DEFAULT now(),
  UNIQUE (org_id, id),
  FOREIGN KEY (org_id, employee_id) REFERENCES employees (org_id, id)
);
CREATE INDEX exchange_connections_employee_idx ON exchange_connections (employee_id);
CREATE INDEX exchange_connections_due_idx ON exchange_connections (next_poll_at) WHERE status IN ('active', 'scope_unverified');

CREATE TABLE wallets (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id       uuid NOT NULL,
  employee_id  uuid NOT NULL,
  chain_id     bigint NOT NULL CHECK (chain_id > 0),
  -- EIP-55 checksummed; the service stores ethers.getAddress(input).
  address      text NOT NULL CHECK (address ~ '^0x[0-9a-fA-F]{40}$'),
  label        text NOT NULL DEFAULT '' CHECK (length(label) <= 80),
  status       text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'removed')),
  created_at   timestamptz(3) NOT NULL DEFAULT now(),
  updated_at   timestamptz(3) NOT NULL DEFAULT now(),
  UNIQUE (org_id, id),
  FOREIGN KEY (org_id, employee_id) REFERENCES employees (org_id, id)
);
CREATE UNIQUE INDEX wallets_org_chain_address_key ON wallets (org_id, chain_id, address) WHERE status = 'active';
CREATE INDEX wallets_employee_idx ON wallets (employee_id);

-- The employee row bound to the acting user, if any. It runs with the caller's rights: the
-- employees policy lets every user read the row bound to itself.
CREATE FUNCTION app_employee_id() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS
$$ SELECT e.id FROM employees e WHERE e.user_id = app_actor_id() AND e.org_id = app_org_id() $$;

ALTER TABLE employees ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE employee_invitations ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE exchange_connections ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE wallets ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

CREATE POLICY employees_read ON employees FOR SELECT TO vigil_user
  USING (org_id = (SELECT app_org_id()) AND ((SELECT app_has('employees:read')) OR user_id = (SELECT app_actor_id())));
CREATE POLICY employees_insert ON employees FOR INSERT TO vigil_user
  WITH CHECK (org_id = (SELECT app_org_id()) AND (SELECT app_has('employees:write')));
-- Compliance (connections:write with employees:read) requires re-onboarding; the employee itself
-- returns to active with a fresh verified key. The trigger below limits what each may change.
CREATE POLICY employees_update ON employees FOR UPDATE TO vigil_user
  USING (org_id = (SELECT app_org_id())
         AND ((SELECT app_has('employees:write')) OR ((SELECT app_has('connections:write')) AND (SELECT app_has('employees:read')))
              OR user_id = (SELECT app_actor_id())))
  WITH CHECK (org_id = (SELECT app_org_id()));
CREATE POLICY employees_system ON employees TO vigil_system USING (true) WITH CHECK (true);

CREATE POLICY employee_invitations_admin ON employee_invitations TO vigil_user
  USING (org_id = (SELECT app_org_id()) AND (SELECT app_has('employees:write')))
  WITH CHECK (org_id = (SELECT app_org_id()) AND (SELECT app_has('employees:write')));
CREATE POLICY employee_invitations_system ON employee_invitations TO vigil_system USING (true) WITH CHECK (true);

CREATE POLICY exchange_connections_read ON exchange_connections FOR SELECT TO vigil_user
  USING (org_id = (SELECT app_org_id()) AND (SELECT app_has('connections:read'))
         AND ((SELECT app_has('employees:read')) OR employee_id = (SELECT app_employee_id())));
CREATE POLICY exchange_connections_insert ON exchange_connections FOR INSERT TO vigil_user
  WITH CHECK (org_id = (SELECT app_org_id()) AND (SELECT app_has('connections:write')) AND employee_id = (SELECT app_employee_id()));
CREATE POLICY exchange_connections_update ON exchange_connections FOR UPDATE TO vigil_user
  USING (org_id = (SELECT app_org_id()) AND (SELECT app_has('connections:write'))
         AND ((SELECT app_has('employees:read')) OR employee_id = (SELECT app_employee_id())))
  WITH CHECK (org_id = (SELECT app_org_id()));
CREATE POLICY exchange_connections_system ON exchange_connections TO vigil_system USING (true) WITH CHECK (true);

CREATE POLICY wallets_read ON wallets FOR SELECT TO vigil_user
  USING (org_id = (SELECT app_org_id()) AND (SELECT app_has('connections:read'))
         AND ((SELECT app_has('employees:read')) OR employee_id = (SELECT app_employee_id())));
CREATE POLICY wallets_insert ON wallets FOR INSERT TO vigil_user
  WITH CHECK (org_id = (SELECT app_org_id()) AND (SELECT app_has('connections:write')) AND employee_id = (SELECT app_employee_id()));
CREATE POLICY wallets_update ON wallets FOR UPDATE TO vigil_user
  USING (org_id = (SELECT app_org_id()) AND (SELECT app_has('connections:write'))
         AND ((SELECT app_has('employees:read')) OR employee_id = (SELECT app_employee_id())))
  WITH CHECK (org_id = (SELECT app_org_id()));
CREATE POLICY wallets_system ON wallets TO vigil_system USING (true) WITH CHECK (true);

-- Who may change which column of an employee row, whoever runs the UPDATE as vigil_user:
-- employees:write holders edit the roster (name, department, status, offboarding); anyone else the
-- policy lets in changes the status only: a reviewer (connections:write and employees:read, not
-- the employee itself) from active to needs_reonboarding, the employee itself from
-- needs_reonboarding back to active.
CREATE FUNCTION employees_guard_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_user <> 'vigil_user' OR app_has('employees:write') THEN
    RETURN NEW;
  END IF;
  IF (NEW.name, NEW.email, NEW.department, NEW.user_id, NEW.org_id)
     IS DISTINCT FROM (OLD.name, OLD.email, OLD.department, OLD.user_id, OLD.org_id) THEN
    RAISE EXCEPTION 'only employees:write changes an employee''s details' USING ERRCODE = '42501';
  END IF;
  IF NEW.status IS DISTINCT FROM OLD.status AND NOT (
       (OLD.user_id IS DISTINCT FROM app_actor_id() AND app_has('employees:read') AND app_has('connections:write')
        AND OLD.status = 'active' AND NEW.status = 'needs_reonboarding')
    OR (OLD.user_id = app_actor_id() AND OLD.status = 'needs_reonboarding' AND NEW.status = 'active')) THEN
    RAISE EXCEPTION 'this status change is not allowed to the writer' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER employees_guard_update BEFORE UPDATE ON employees
  FOR EACH ROW EXECUTE FUNCTION employees_guard_update();

GRANT SELECT, INSERT, UPDATE ON employees TO vigil_user;
GRANT SELECT, INSERT, UPDATE ON employee_invitations TO vigil_user;
-- A user session never reads a ciphertext: only the worker (vigil_system) decrypts, to poll.
GRANT SELECT (id, org_id, employee_id, venue, label, key_fingerprint, sandbox, status, scope_proof, scope_checked_at,
              key_expires_at, cursors, last_poll_at, last_success_at, last_error, failing_since, next_poll_at,
              created_at, updated_at) ON exchange_connections TO vigil_user;
GRANT INSERT, UPDATE ON exchange_connections TO vigil_user;
GRANT SELECT, INSERT, UPDATE ON wallets TO vigil_user;
GRANT SELECT, INSERT, UPDATE ON employees, employee_invitations, exchange_connections, wallets TO vigil_system;
