-- migration runs as: administrator (it gives a function to vigil_system)
-- No organization can lock itself out (issue 9, item 2). An organization always keeps at least
-- one enabled user whose role holds both users:write and roles:write: whoever that is can mend
-- everything else. A change that would leave none (demoting, disabling, or weakening the role of
-- the last such user) is refused with SQLSTATE VGA01, which the services answer as CONFLICT.
--
-- Why in the database: two Admins demoting each other at once would each see the other still
-- holding Admin and both succeed. The check takes a per-organization transaction lock first, so
-- the second change waits for the first to commit and then checks against it (READ COMMITTED:
-- each statement of this volatile function takes a fresh snapshot once the lock is held).
--
-- Why SECURITY DEFINER owned by vigil_system: the check must count every user of the org, also
-- those the changing actor cannot read (a roles:write-only editor sees no users under RLS).
-- The function reads two tables and answers yes or no; a request can call nothing else through it.

CREATE FUNCTION identity_org_keeps_an_administrator() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  org uuid := NEW.org_id;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('vigil:org-administrators:' || org::text, 0));
  IF NOT EXISTS (
    SELECT 1 FROM users u JOIN roles r ON r.id = u.role_id
     WHERE u.org_id = org AND NOT u.disabled AND r.permissions @> ARRAY['users:write', 'roles:write']::text[]
  ) THEN
    RAISE EXCEPTION 'the organization would be left without an administrator'
      USING ERRCODE = 'VGA01',
            HINT = 'At least one enabled user must hold a role with users:write and roles:write.';
  END IF;
  RETURN NULL;
END
$$;

ALTER FUNCTION identity_org_keeps_an_administrator() OWNER TO vigil_system;
REVOKE ALL ON FUNCTION identity_org_keeps_an_administrator() FROM PUBLIC;

-- Only changes that can take administration away: a user's role or disabled flag, a role's
-- permissions. Row triggers after the statement's change, so the check sees it.
CREATE TRIGGER users_keep_an_administrator AFTER UPDATE OF role_id, disabled ON users
  FOR EACH ROW WHEN (OLD.role_id IS DISTINCT FROM NEW.role_id OR OLD.disabled IS DISTINCT FROM NEW.disabled)
  EXECUTE FUNCTION identity_org_keeps_an_administrator();
CREATE TRIGGER roles_keep_an_administrator AFTER UPDATE OF permissions ON roles
  FOR EACH ROW WHEN (OLD.permissions IS DISTINCT FROM NEW.permissions)
  EXECUTE FUNCTION identity_org_keeps_an_administrator();
