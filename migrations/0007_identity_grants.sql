-- No one grants what they do not hold, and no role both administers and releases (R9).
--
-- 1. Separation of duties: a role that administers (users, roles, partners, API keys) never also
--    approves or releases (milestones:write, releases:write), whoever writes the row.
-- 2. A custom role is defined only with permissions the writer holds itself.
-- 3. A role is given (a user created with it, or moved to it) only by someone holding all of its
--    permissions, except a built-in role given to someone else when what the giver lacks of it is
--    business permissions: provisioning Funders, Compliance officers and Employees is what an
--    Admin is for. Administering permissions are given only by their holders, and nobody gives
--    themselves more than they hold.
-- The services check the same before they write (core/access/permission-catalog.ts).

CREATE FUNCTION app_permissions() RETURNS text[] LANGUAGE sql STABLE PARALLEL SAFE AS
$$ SELECT string_to_array(coalesce(current_setting('app.permissions', true), ''), ',') $$;

ALTER TABLE roles ADD CONSTRAINT roles_separation_of_duties CHECK (
  NOT (permissions && ARRAY['users:write', 'roles:write', 'partners:write', 'api_keys:write']::text[]
       AND permissions && ARRAY['milestones:write', 'releases:write']::text[]));

ALTER POLICY roles_insert ON roles
  WITH CHECK (org_id = (SELECT app_org_id()) AND (SELECT app_has('roles:write')) AND NOT built_in
              AND permissions <@ (SELECT app_permissions()));
ALTER POLICY roles_update ON roles
  USING (org_id = (SELECT app_org_id()) AND (SELECT app_has('roles:write')) AND NOT built_in)
  WITH CHECK (org_id = (SELECT app_org_id()) AND NOT built_in AND permissions <@ (SELECT app_permissions()));

CREATE OR REPLACE FUNCTION users_guard_role_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  granted text[];
  template boolean;
  missing text[];
BEGIN
  IF current_user <> 'vigil_user' THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    IF NEW.role_id IS NOT DISTINCT FROM OLD.role_id THEN
      RETURN NEW;
    END IF;
    IF NOT app_has('roles:write') THEN
      RAISE EXCEPTION 'changing a user''s role needs roles:write' USING ERRCODE = '42501';
    END IF;
  END IF;
  SELECT r.permissions, r.built_in INTO granted, template FROM roles r WHERE r.id = NEW.role_id;
  IF granted IS NULL THEN
    RAISE EXCEPTION 'the role is not visible to the writer' USING ERRCODE = '42501';
  END IF;
  missing := ARRAY(SELECT unnest(granted) EXCEPT SELECT unnest(app_permissions()));
  IF cardinality(missing) > 0
     AND (NOT template OR NEW.id = app_actor_id()
          OR missing && ARRAY['users:write', 'roles:write', 'partners:write', 'api_keys:write']::text[]) THEN
    RAISE EXCEPTION 'a role is given only by someone who holds its permissions' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER users_guard_role_grant BEFORE INSERT ON users
  FOR EACH ROW EXECUTE FUNCTION users_guard_role_change();

