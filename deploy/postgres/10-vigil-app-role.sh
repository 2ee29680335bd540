#!/bin/sh
# Runs once, when the postgres container initializes an empty data volume (docker-entrypoint-initdb.d).
# Creates the app's login role with a password, with the attributes migrations/0000_roles.sql gives it
# (that migration creates roles only when missing, and grants vigil_user / vigil_system to this one).
set -eu
: "${VIGIL_APP_PASSWORD:?VIGIL_APP_PASSWORD must be set}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" -v app_password="$VIGIL_APP_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE vigil_app LOGIN NOINHERIT NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD %L', :'app_password')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'vigil_app')
\gexec
SQL
