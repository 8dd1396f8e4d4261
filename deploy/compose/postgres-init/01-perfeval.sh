#!/usr/bin/env bash
# Run once by the postgres image on an empty data directory (/docker-entrypoint-initdb.d):
# the role the three services log in as, and one database per service, owned by it.
set -euo pipefail
: "${PERFEVAL_DB_USER:=perfeval}"
: "${PERFEVAL_DB_PASSWORD:?PERFEVAL_DB_PASSWORD must be set}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
     -v user="$PERFEVAL_DB_USER" -v password="$PERFEVAL_DB_PASSWORD" <<'SQL'
CREATE ROLE :"user" LOGIN PASSWORD :'password';
CREATE DATABASE budget OWNER :"user";
CREATE DATABASE scoring OWNER :"user";
CREATE DATABASE report OWNER :"user";
SQL
