-- migration runs as: administrator (it gives functions to vigil_system)
-- People, not ids, in the audit log (issue 9, item 4). An audit reader sees who acted and on whom
-- by name and email, resolved when the log is read, in the reader's organization only.
--
-- Why in the database, SECURITY DEFINER owned by vigil_system: audit:read is the permission to
-- read the log, and the log names people; but RLS shows the users table only to users:read (and
-- roles only to roles:read or users:read), so a Compliance officer saw bare ids. These functions
-- are the one narrow way around that: they answer only while the caller's scope holds audit:read,
-- only for the caller's own organization (app_org_id(), set by the request's scope preamble and
-- never by the client), and only (id, name, email) of users, name of roles and of the
-- organization itself. Nothing else of those rows (password hashes, MFA secrets, roles'
-- permissions, disabled flags) can be reached through them. A vigil_system scope sets no org, so
-- they answer nothing there either.
--
-- The answer is one jsonb object by object type (the audit log's own vocabulary), then by id:
-- {"user": {"<id>": {"name": …, "email": …}}, "role": {"<id>": {"name": …}}, "organization": …}.
-- A page looks up its actors and resources in it; the CSV export computes it once per statement
-- and looks each row up in it (a binary search among the org's people, and only for the rows that
-- name a user, a role or the organization), so the export stays one streaming COPY whose memory
-- grows with the organization's people, never with the number of rows exported.

-- The given ids (a page's actors and resources; at most 2,000, anything not a UUID ignored).
CREATE FUNCTION audit_people_of(ids text[]) RETURNS jsonb
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  WITH wanted AS (
    SELECT DISTINCT x::uuid AS id FROM unnest(ids[1:2000]) AS x
     WHERE x ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
  ), people AS (
    SELECT 'user' AS kind, u.id, jsonb_build_object('name', u.name, 'email', u.email) AS person
      FROM users u JOIN wanted w ON w.id = u.id WHERE u.org_id = app_org_id() AND app_has('audit:read')
    UNION ALL
    SELECT 'role', r.id, jsonb_build_object('name', r.name)
      FROM roles r JOIN wanted w ON w.id = r.id WHERE r.org_id = app_org_id() AND app_has('audit:read')
    UNION ALL
    SELECT 'organization', o.id, jsonb_build_object('name', o.name)
      FROM organizations o JOIN wanted w ON w.id = o.id WHERE o.id = app_org_id() AND app_has('audit:read')
  )
  SELECT jsonb_build_object(
    'user', coalesce((SELECT jsonb_object_agg(id, person) FROM people WHERE kind = 'user'), '{}'),
    'role', coalesce((SELECT jsonb_object_agg(id, person) FROM people WHERE kind = 'role'), '{}'),
    'organization', coalesce((SELECT jsonb_object_agg(id, person) FROM people WHERE kind = 'organization'), '{}'))
$$;

-- Every user and role of the caller's organization, and the organization (the CSV export).
CREATE FUNCTION audit_people_of_org() RETURNS jsonb
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT jsonb_build_object(
    'user', coalesce((SELECT jsonb_object_agg(u.id, jsonb_build_object('name', u.name, 'email', u.email))
                        FROM users u WHERE u.org_id = app_org_id() AND app_has('audit:read')), '{}'),
    'role', coalesce((SELECT jsonb_object_agg(r.id, jsonb_build_object('name', r.name))
                        FROM roles r WHERE r.org_id = app_org_id() AND app_has('audit:read')), '{}'),
    'organization', coalesce((SELECT jsonb_object_agg(o.id, jsonb_build_object('name', o.name))
                        FROM organizations o WHERE o.id = app_org_id() AND app_has('audit:read')), '{}'))
$$;

-- The actor picker: the organization's users whose name (or a word of it) or email begins with
-- `prefix` (case-insensitive; no pattern characters: starts_with, not LIKE), by name, at most 50.
CREATE FUNCTION audit_actor_search(prefix text, max_rows int) RETURNS TABLE (id uuid, name text, email text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT u.id, u.name, u.email FROM users u
   WHERE u.org_id = app_org_id() AND app_has('audit:read')
     AND (starts_with(lower(u.name), lower(prefix)) OR strpos(lower(u.name), ' ' || lower(prefix)) > 0
          OR starts_with(u.email, lower(prefix)))
   ORDER BY u.name, u.id
   LIMIT least(greatest(max_rows, 0), 50)
$$;

ALTER FUNCTION audit_people_of(text[]) OWNER TO vigil_system;
ALTER FUNCTION audit_people_of_org() OWNER TO vigil_system;
ALTER FUNCTION audit_actor_search(text, int) OWNER TO vigil_system;
REVOKE ALL ON FUNCTION audit_people_of(text[]), audit_people_of_org(), audit_actor_search(text, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_people_of(text[]), audit_people_of_org(), audit_actor_search(text, int) TO vigil_user;
