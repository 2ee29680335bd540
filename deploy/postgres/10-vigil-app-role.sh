#!/bin/sh
# Runs once, when the postgres container initializes an empty data volume (docker-entrypoint-initdb.d).
# Creates the app's two login roles with passwords, with the attributes the migrations give them
# (they create roles only when missing): vigil_app, the system pool (0000 grants it vigil_user and
# vigil_system), and vigil_request, the request pool (0010 grants it vigil_user only).
set -eu
: "${VIGIL_APP_PASSWORD:?VIGIL_APP_PASSWORD must be set}"
: "${VIGIL_REQUEST_PASSWORD:?VIGIL_REQUEST_PASSWORD must be set}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v app_password="$VIGIL_APP_PASSWORD" -v request_password="$VIGIL_REQUEST_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE vigil_app LOGIN NOINHERIT NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD %L', :'app_password')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'vigil_app')
\gexec
SELECT format('CREATE ROLE vigil_request LOGIN NOINHERIT NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD %L', :'request_password')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'vigil_request')
\gexec
SQL
