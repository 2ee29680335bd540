-- migration runs as: administrator (it creates a database role)
-- A request cannot leave its scope. Until now the app's one login role, vigil_app, was a member
-- of both vigil_user and vigil_system, so any SQL running in a user-scoped transaction could
-- `SET LOCAL ROLE vigil_system` and read every org. Requests now connect as vigil_request, a
-- member of vigil_user only: from a request connection there is no way to vigil_system. The
-- system's few cross-org steps that a request needs (the sign-in lookup, audit appends, chain
-- status) run on the system pool (vigil_app), in code the request cannot reach with SQL.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'vigil_request') THEN
    CREATE ROLE vigil_request LOGIN NOINHERIT NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END
$$;

GRANT vigil_user TO vigil_request;
