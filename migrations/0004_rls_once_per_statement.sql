-- The same row-level security, evaluated once per statement instead of once per row.
--
-- A policy like `org_id = app_org_id() AND app_has('users:read')` inlines the functions into the
-- query, and PostgreSQL evaluates them for every row it checks: app_has() splits the caller's
-- whole permission list each time. Written as `(SELECT app_has('users:read'))`, each becomes an
-- InitPlan: computed once when the statement runs, then compared as a constant. For the users
-- list (51 rows, and the org's roles with their user counts) execution fell from 0.54 to 0.17 ms
-- and PostgreSQL CPU per request by about a quarter (BENCHMARKS.md, request path).
--
-- Who may see or change what is unchanged: every expression below is the one it replaces. With no
-- settings, app_org_id() is NULL, `org_id = NULL` is not true, and nothing is visible.

ALTER POLICY organizations_member ON organizations
  USING (id = (SELECT app_org_id()));

ALTER POLICY roles_read ON roles
  USING (org_id = (SELECT app_org_id())
         AND ((SELECT app_has('roles:read')) OR (SELECT app_has('users:read')) OR id = (SELECT app_role_id())));
ALTER POLICY roles_insert ON roles
  WITH CHECK (org_id = (SELECT app_org_id()) AND (SELECT app_has('roles:write')) AND NOT built_in);
ALTER POLICY roles_update ON roles
  USING (org_id = (SELECT app_org_id()) AND (SELECT app_has('roles:write')) AND NOT built_in)
  WITH CHECK (org_id = (SELECT app_org_id()) AND NOT built_in);
ALTER POLICY roles_delete ON roles
  USING (org_id = (SELECT app_org_id()) AND (SELECT app_has('roles:write')) AND NOT built_in);

ALTER POLICY users_read ON users
  USING (org_id = (SELECT app_org_id()) AND ((SELECT app_has('users:read')) OR id = (SELECT app_actor_id())));
ALTER POLICY users_insert ON users
  WITH CHECK (org_id = (SELECT app_org_id()) AND (SELECT app_has('users:write')));
ALTER POLICY users_update ON users
  USING (org_id = (SELECT app_org_id()) AND ((SELECT app_has('users:write')) OR id = (SELECT app_actor_id())))
  WITH CHECK (org_id = (SELECT app_org_id()));

ALTER POLICY audit_inbox_user_insert ON audit_inbox
  WITH CHECK (org_id = (SELECT app_org_id()));
ALTER POLICY audit_log_user_read ON audit_log
  USING (org_id = (SELECT app_org_id()) AND (SELECT app_has('audit:read')));
ALTER POLICY admin_audit_log_user_insert ON admin_audit_log
  WITH CHECK (org_id = (SELECT app_org_id()));
ALTER POLICY admin_audit_log_user_read ON admin_audit_log
  USING (org_id = (SELECT app_org_id()) AND (SELECT app_has('audit:read')));
