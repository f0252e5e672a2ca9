#!/bin/sh
# The Redmine peer of bench:reads (issue 12): Debian's redmine 5.0.4 on PostgreSQL under puma.
# Installs the packages when missing (non-interactive, dbconfig skipped), creates a PostgreSQL
# cluster of its own under $DUCHA_PEER_DIR (default /var/lib/ducha-bench, port 3124), the
# database of the `default` Redmine instance, Redmine's schema and default data (trackers,
# statuses, priorities, roles), the REST API switched on, an admin API key, one project, and
# ISSUES issues (default: as many as the demo's items; bench:reads reseeds to its size itself).
# Idempotent: a second run keeps the cluster and the schema and only reseeds the issues.
# Usage (as root): bench/peer/setup.sh [ISSUES]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
. "$here/env.sh"
[ "$(id -u)" = 0 ] || { echo "setup.sh must run as root (apt-get, runuser)" >&2; exit 1; }

# ---- the packages ----
installed() {
  for p in redmine redmine-pgsql puma; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || return 1
  done
}
if installed; then
  echo "redmine, redmine-pgsql and puma are installed"
else
  echo "installing redmine, redmine-pgsql, puma from Debian's packages"
  # no database configured by dbconfig-common: this script writes database.yml itself
  debconf-set-selections <<SEL
redmine redmine/current-instances string default
redmine redmine/instances/default/dbconfig-install boolean false
redmine redmine/instances/default/database-type select pgsql
redmine redmine/instances/default/default-language select en
SEL
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redmine redmine-pgsql puma
fi

# ---- the cluster and the database ----
mkdir -p "$PEER_DIR"
if [ ! -f "$PEER_PG/PG_VERSION" ]; then
  install -d -o postgres -g postgres -m 700 "$PEER_PG"
  as_postgres "$PGBIN/initdb" -D "$PEER_PG" -A trust -U postgres -E UTF8 >/dev/null
  echo "created the cluster $PEER_PG ($("$PGBIN/postgres" --version))"
fi
pg_up
if [ -z "$(psql_peer -d postgres -Atc "select 1 from pg_roles where rolname = 'redmine'")" ]; then
  psql_peer -d postgres -c "create role redmine login"
fi
if [ -z "$(psql_peer -d postgres -Atc "select 1 from pg_database where datname = 'redmine_default'")" ]; then
  psql_peer -d postgres -c "create database redmine_default owner redmine encoding 'UTF8' template template0"
fi
cat > /etc/redmine/default/database.yml <<YML
# written by ducha bench/peer/setup.sh
production:
  adapter: postgresql
  database: redmine_default
  host: 127.0.0.1
  port: $PEER_PG_PORT
  username: redmine
  encoding: utf8
  pool: 5
YML
chown root:www-data /etc/redmine/default/database.yml
chmod 640 /etc/redmine/default/database.yml

# ---- schema and default data ----
cd "$REDMINE"
as_www() { runuser -u www-data -- env REDMINE_INSTANCE=default RAILS_ENV=production "$@"; }
if [ -z "$(psql_peer -d redmine_default -Atc "select 1 from pg_tables where tablename = 'trackers'")" ] \
   || [ "$(psql_peer -d redmine_default -Atc 'select count(*) from trackers')" = 0 ]; then
  echo "migrating Redmine's schema (a minute or two)"
  as_www env SCHEMA=/dev/null bundle exec rake db:migrate >/dev/null
  as_www env REDMINE_LANG=en bundle exec rake redmine:load_default_data >/dev/null
fi

# ---- REST API, admin key, the project ----
key=$(psql_peer -d redmine_default -Atc "select value from tokens where user_id = 1 and action = 'api'")
if [ -z "$key" ]; then
  key=$(od -An -N20 -tx1 /dev/urandom | tr -d ' \n')
  psql_peer -d redmine_default -c "insert into tokens (user_id, action, value, created_on, updated_on)
    values (1, 'api', '$key', now(), now())"
fi
echo "$key" > "$PEER_DIR/redmine-api-key"
chmod 644 "$PEER_DIR/redmine-api-key"
psql_peer -d redmine_default <<SQL
-- the REST API (off by default)
delete from settings where name = 'rest_api_enabled';
insert into settings (name, value, updated_on) values ('rest_api_enabled', '1', now());
-- one public project with the issue tracker and every tracker
insert into projects (name, description, identifier, is_public, status, lft, rgt, inherit_members, created_on, updated_on)
select 'Ducha bench', 'bench:reads peer', 'ducha-bench', true, 1, 1, 2, false, now(), now()
where not exists (select 1 from projects where identifier = 'ducha-bench');
insert into enabled_modules (project_id, name)
select p.id, m from projects p, unnest(array['issue_tracking', 'time_tracking']) m
where p.identifier = 'ducha-bench'
  and not exists (select 1 from enabled_modules e where e.project_id = p.id and e.name = m);
insert into projects_trackers (project_id, tracker_id)
select p.id, t.id from projects p, trackers t
where p.identifier = 'ducha-bench'
  and not exists (select 1 from projects_trackers x where x.project_id = p.id and x.tracker_id = t.id);
SQL

# ---- the issues ----
if [ -n "${1:-}" ]; then
  "$here/seed.sh" "$1"
elif [ "$(psql_peer -d redmine_default -Atc 'select count(*) from issues')" = 0 ]; then
  n=$(cd "$here/../.." && node --import tsx bench/peer/demo-items.ts)
  "$here/seed.sh" "$n"
fi
echo "Redmine peer ready: $(psql_peer -d redmine_default -Atc 'select count(*) from issues') issues; start it with bench/peer/start.sh"
