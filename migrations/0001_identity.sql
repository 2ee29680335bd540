-- Organizations, roles and users, with the request settings that RLS reads.
-- A request sets, with set_config(..., true) inside its transaction:
--   app.org_id, app.actor_id, app.role_id, app.permissions ('users:read,roles:read,...')

CREATE FUNCTION app_org_id() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS
$$ SELECT nullif(current_setting('app.org_id', true), '')::uuid $$;

CREATE FUNCTION app_actor_id() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS
$$ SELECT nullif(current_setting('app.actor_id', true), '')::uuid $$;

CREATE FUNCTION app_role_id() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS
$$ SELECT nullif(current_setting('app.role_id', true), '')::uuid $$;

CREATE FUNCTION app_has(permission text) RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS
$$ SELECT permission = ANY (string_to_array(coalesce(current_setting('app.permissions', true), ''), ',')) $$;

CREATE TABLE organizations (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  created_at  timestamptz(3) NOT NULL DEFAULT now()
);

CREATE TABLE roles (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id       uuid NOT NULL REFERENCES organizations (id),
  name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  description  text NOT NULL DEFAULT '',
  permissions  text[] NOT NULL DEFAULT '{}',
  built_in     boolean NOT NULL DEFAULT false,
  created_at   timestamptz(3) NOT NULL DEFAULT now(),
  updated_at   timestamptz(3) NOT NULL DEFAULT now(),
  UNIQUE (org_id, name),
  UNIQUE (org_id, id)
);

CREATE TABLE users (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id               uuid NOT NULL REFERENCES organizations (id),
  email                text NOT NULL CHECK (email = lower(email) AND length(email) <= 320),
  name                 text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  password_hash        text NOT NULL,
  role_id              uuid NOT NULL,
  disabled             boolean NOT NULL DEFAULT false,
  -- TOTP secrets are AES-256-GCM ciphertexts bound to this row (see lib/crypto).
  mfa_secret_enc       text,
  mfa_pending_enc      text,
  mfa_enabled_at       timestamptz(3),
  -- The last accepted TOTP time step: a code is accepted only for a later step (no replay).
  totp_last_step       bigint NOT NULL DEFAULT 0,
  password_changed_at  timestamptz(3) NOT NULL DEFAULT now(),
  created_at           timestamptz(3) NOT NULL DEFAULT now(),
  updated_at           timestamptz(3) NOT NULL DEFAULT now(),
  FOREIGN KEY (org_id, role_id) REFERENCES roles (org_id, id)
);
CREATE UNIQUE INDEX users_email_key ON users (email);
CREATE INDEX users_org_name_idx ON users (org_id, name, id);
-- Counting the holders of a role (roles list, role changes).
CREATE INDEX users_role_idx ON users (role_id);

-- Row-level security: every tenant table is bound, the owner included.
ALTER TABLE organizations ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE roles ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE users ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

CREATE POLICY organizations_member ON organizations FOR SELECT TO vigil_user
  USING (id = app_org_id());
CREATE POLICY organizations_system ON organizations TO vigil_system USING (true) WITH CHECK (true);

-- Everyone reads the role they hold (their own permissions); roles:read reads all of the org's,
-- and so does users:read (a user list shows each user's role).
CREATE POLICY roles_read ON roles FOR SELECT TO vigil_user
  USING (org_id = app_org_id() AND (app_has('roles:read') OR app_has('users:read') OR id = app_role_id()));
CREATE POLICY roles_insert ON roles FOR INSERT TO vigil_user
  WITH CHECK (org_id = app_org_id() AND app_has('roles:write') AND NOT built_in);
CREATE POLICY roles_update ON roles FOR UPDATE TO vigil_user
  USING (org_id = app_org_id() AND app_has('roles:write') AND NOT built_in)
  WITH CHECK (org_id = app_org_id() AND NOT built_in);
CREATE POLICY roles_delete ON roles FOR DELETE TO vigil_user
  USING (org_id = app_org_id() AND app_has('roles:write') AND NOT built_in);
CREATE POLICY roles_system ON roles TO vigil_system USING (true) WITH CHECK (true);

-- A user reads and updates their own row (password, MFA); users:read/users:write cover the org.
CREATE POLICY users_read ON users FOR SELECT TO vigil_user
  USING (org_id = app_org_id() AND (app_has('users:read') OR id = app_actor_id()));
CREATE POLICY users_insert ON users FOR INSERT TO vigil_user
  WITH CHECK (org_id = app_org_id() AND app_has('users:write'));
CREATE POLICY users_update ON users FOR UPDATE TO vigil_user
  USING (org_id = app_org_id() AND (app_has('users:write') OR id = app_actor_id()))
  WITH CHECK (org_id = app_org_id());
CREATE POLICY users_system ON users TO vigil_system USING (true) WITH CHECK (true);

-- Changing a user's role needs roles:write even on one's own row: RLS lets a user update
-- itself, so the column rule lives in a trigger.
CREATE FUNCTION users_guard_role_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.role_id IS DISTINCT FROM OLD.role_id
     AND current_user = 'vigil_user' AND NOT app_has('roles:write') THEN
    RAISE EXCEPTION 'changing a user''s role needs roles:write' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER users_guard_role_change BEFORE UPDATE OF role_id ON users
  FOR EACH ROW EXECUTE FUNCTION users_guard_role_change();

GRANT SELECT ON organizations TO vigil_user;
GRANT SELECT, INSERT, UPDATE, DELETE ON roles TO vigil_user;
GRANT SELECT, INSERT, UPDATE ON users TO vigil_user;
GRANT SELECT, INSERT ON organizations, roles, users TO vigil_system;
GRANT UPDATE (totp_last_step) ON users TO vigil_system;
