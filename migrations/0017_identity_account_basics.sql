-- Account basics an admin expects (issue 9, item 8).
--
-- 1. A forced password change: a user whose password someone else set (an Admin's createUser, the
--    CLI's add-admin) must choose their own before anything else works. The flag is cleared only
--    together with a new password hash: a trigger refuses clearing it any other way, whoever writes.
-- 2. What the server can honestly say about a user's sessions (tokens are not stored): when they
--    last signed in with a password, and when every session they had was last ended (a password
--    change, a role change, disabling, an MFA reset).
-- 3. TOTP recovery codes: issued when MFA enrolment is confirmed, shown once, stored as SHA-256
--    of a 100-bit random code, each usable once in place of a TOTP code.

ALTER TABLE users
  ADD COLUMN must_change_password boolean NOT NULL DEFAULT false,
  ADD COLUMN last_sign_in_at timestamptz(3),
  ADD COLUMN sessions_ended_at timestamptz(3);

CREATE FUNCTION users_guard_password_change_flag() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.must_change_password AND NOT NEW.must_change_password AND NEW.password_hash = OLD.password_hash THEN
    RAISE EXCEPTION 'a required password change is cleared only by a new password' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER users_guard_password_change_flag BEFORE UPDATE OF must_change_password ON users
  FOR EACH ROW EXECUTE FUNCTION users_guard_password_change_flag();

-- Sign-in runs as vigil_system before there is an actor: it stamps the time. A system actor that
-- ends a user's sessions (session-cutoffs.ts) stamps when.
GRANT UPDATE (last_sign_in_at, sessions_ended_at) ON users TO vigil_system;

CREATE TABLE recovery_codes (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id      uuid NOT NULL REFERENCES organizations (id),
  user_id     uuid NOT NULL REFERENCES users (id),
  -- Hex SHA-256 of the normalised code; the code itself is shown once and never stored.
  code_hash   text NOT NULL CHECK (code_hash ~ '^[0-9a-f]{64}$'),
  created_at  timestamptz(3) NOT NULL DEFAULT now(),
  used_at     timestamptz(3),
  UNIQUE (user_id, code_hash)
);
-- Counting a user's unused codes (viewer) and finding one by hash (step-up).
CREATE INDEX recovery_codes_user_unused_idx ON recovery_codes (user_id) WHERE used_at IS NULL;

ALTER TABLE recovery_codes ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

-- A user reads, issues, uses and replaces their own codes; users:write removes another user's
-- (an Admin's MFA reset), which needs to see them to delete them. No one else reads them.
CREATE POLICY recovery_codes_read ON recovery_codes FOR SELECT TO vigil_user
  USING (org_id = (SELECT app_org_id()) AND (user_id = (SELECT app_actor_id()) OR (SELECT app_has('users:write'))));
CREATE POLICY recovery_codes_insert ON recovery_codes FOR INSERT TO vigil_user
  WITH CHECK (org_id = (SELECT app_org_id()) AND user_id = (SELECT app_actor_id()));
CREATE POLICY recovery_codes_use ON recovery_codes FOR UPDATE TO vigil_user
  USING (org_id = (SELECT app_org_id()) AND user_id = (SELECT app_actor_id()))
  WITH CHECK (org_id = (SELECT app_org_id()) AND user_id = (SELECT app_actor_id()));
CREATE POLICY recovery_codes_delete ON recovery_codes FOR DELETE TO vigil_user
  USING (org_id = (SELECT app_org_id()) AND (user_id = (SELECT app_actor_id()) OR (SELECT app_has('users:write'))));
-- The CLI's reset-mfa clears them as the system.
CREATE POLICY recovery_codes_system ON recovery_codes TO vigil_system USING (true) WITH CHECK (true);

GRANT SELECT, INSERT, DELETE ON recovery_codes TO vigil_user;
GRANT UPDATE (used_at) ON recovery_codes TO vigil_user;
GRANT SELECT, DELETE ON recovery_codes TO vigil_system;
