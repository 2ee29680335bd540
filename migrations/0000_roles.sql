-- Database roles. Runs as an administrator (superuser or CREATEROLE); every later migration
-- runs as vigil_owner, so the tables belong to a role that serves no request.
--
--   vigil_owner   owns every table; NOLOGIN; never used by the running app.
--   vigil_app     the login role of the app. NOINHERIT and granted nothing on tables: it can only
--                 act after `SET LOCAL ROLE vigil_user | vigil_system` inside a transaction.
--   vigil_user    a request made by a user or API key. Every tenant table binds it with RLS.
--   vigil_system  work that spans organizations (login lookup, the audit chainer, jobs), with
--                 narrow grants and policies of its own.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'vigil_owner') THEN
    CREATE ROLE vigil_owner NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'vigil_app') THEN
    CREATE ROLE vigil_app LOGIN NOINHERIT NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'vigil_user') THEN
    CREATE ROLE vigil_user NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'vigil_system') THEN
    CREATE ROLE vigil_system NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
END
$$;

GRANT vigil_user TO vigil_app;
GRANT vigil_system TO vigil_app;

GRANT USAGE, CREATE ON SCHEMA public TO vigil_owner;
GRANT USAGE ON SCHEMA public TO vigil_user, vigil_system;
