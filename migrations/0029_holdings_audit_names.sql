-- migration runs as: administrator (it replaces functions vigil_system owns)
-- Holdings in the audit log by name (issue 10): an entry on an employee read "employee · <uuid>",
-- one on a connection or wallet "connection · <uuid>". The people functions of 0016 now answer
-- two more object types, under the same rules (only while the caller's scope holds audit:read,
-- only in the caller's own organization, only what names the row):
--   "employee":   {"<id>": {"name": …, "email": …}} (the roster's name and work email);
--   "connection": {"<id>": {"name": "<employee> · <venue or chain and address>"}}: an exchange
--                 connection or a wallet (the log calls both a connection), with its label if
--                 it has one. Never a key fingerprint, a scope proof or anything sealed.
-- A wallet names its chain by id: chain names are configuration (CHAINS), not in the database.

-- How a connection and a wallet read in the log: "Ada Lovelace · Binance (main)",
-- "Ada Lovelace · wallet 0x71C7…976F on chain 1".
CREATE FUNCTION audit_connection_name(employee text, venue text, label text) RETURNS text
  LANGUAGE sql IMMUTABLE SET search_path = pg_catalog AS $$
  SELECT employee || ' · '
      || CASE venue WHEN 'okx' THEN 'OKX' WHEN 'kucoin' THEN 'KuCoin' ELSE initcap(venue) END
      || CASE WHEN label <> '' THEN ' (' || label || ')' ELSE '' END
$$;

CREATE FUNCTION audit_wallet_name(employee text, chain_id bigint, address text, label text) RETURNS text
  LANGUAGE sql IMMUTABLE SET search_path = pg_catalog AS $$
  SELECT employee || ' · wallet ' || left(address, 6) || '…' || right(address, 4) || ' on chain ' || chain_id
      || CASE WHEN label <> '' THEN ' (' || label || ')' ELSE '' END
$$;

CREATE OR REPLACE FUNCTION audit_people_of(ids text[]) RETURNS jsonb
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
    UNION ALL
    SELECT 'employee', e.id, jsonb_build_object('name', e.name, 'email', e.email)
      FROM employees e JOIN wanted w ON w.id = e.id WHERE e.org_id = app_org_id() AND app_has('audit:read')
    UNION ALL
    SELECT 'connection', c.id, jsonb_build_object('name', audit_connection_name(e.name, c.venue, c.label))
      FROM exchange_connections c JOIN wanted w ON w.id = c.id
      JOIN employees e ON e.org_id = c.org_id AND e.id = c.employee_id
     WHERE c.org_id = app_org_id() AND app_has('audit:read')
    UNION ALL
    SELECT 'connection', x.id, jsonb_build_object('name', audit_wallet_name(e.name, x.chain_id, x.address, x.label))
      FROM wallets x JOIN wanted w ON w.id = x.id
      JOIN employees e ON e.org_id = x.org_id AND e.id = x.employee_id
     WHERE x.org_id = app_org_id() AND app_has('audit:read')
  )
  SELECT jsonb_build_object(
    'user', coalesce((SELECT jsonb_object_agg(id, person) FROM people WHERE kind = 'user'), '{}'),
    'role', coalesce((SELECT jsonb_object_agg(id, person) FROM people WHERE kind = 'role'), '{}'),
    'organization', coalesce((SELECT jsonb_object_agg(id, person) FROM people WHERE kind = 'organization'), '{}'),
    'employee', coalesce((SELECT jsonb_object_agg(id, person) FROM people WHERE kind = 'employee'), '{}'),
    'connection', coalesce((SELECT jsonb_object_agg(id, person) FROM people WHERE kind = 'connection'), '{}'))
$$;

-- The CSV export's map: every one of the organization's users, roles, employees and connections.
CREATE OR REPLACE FUNCTION audit_people_of_org() RETURNS jsonb
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT jsonb_build_object(
    'user', coalesce((SELECT jsonb_object_agg(u.id, jsonb_build_object('name', u.name, 'email', u.email))
                        FROM users u WHERE u.org_id = app_org_id() AND app_has('audit:read')), '{}'),
    'role', coalesce((SELECT jsonb_object_agg(r.id, jsonb_build_object('name', r.name))
                        FROM roles r WHERE r.org_id = app_org_id() AND app_has('audit:read')), '{}'),
    'organization', coalesce((SELECT jsonb_object_agg(o.id, jsonb_build_object('name', o.name))
                        FROM organizations o WHERE o.id = app_org_id() AND app_has('audit:read')), '{}'),
    'employee', coalesce((SELECT jsonb_object_agg(e.id, jsonb_build_object('name', e.name, 'email', e.email))
                        FROM employees e WHERE e.org_id = app_org_id() AND app_has('audit:read')), '{}'),
    'connection', coalesce((SELECT jsonb_object_agg(c.id, c.person) FROM (
        SELECT c.id, jsonb_build_object('name', audit_connection_name(e.name, c.venue, c.label)) AS person
          FROM exchange_connections c JOIN employees e ON e.org_id = c.org_id AND e.id = c.employee_id
         WHERE c.org_id = app_org_id() AND app_has('audit:read')
        UNION ALL
        SELECT x.id, jsonb_build_object('name', audit_wallet_name(e.name, x.chain_id, x.address, x.label))
          FROM wallets x JOIN employees e ON e.org_id = x.org_id AND e.id = x.employee_id
         WHERE x.org_id = app_org_id() AND app_has('audit:read')) c), '{}'))
$$;
