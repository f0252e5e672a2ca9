# Shared settings of the Redmine peer (sourced by setup.sh, seed.sh, start.sh, stop.sh).
PEER_DIR=${DUCHA_PEER_DIR:-/var/lib/ducha-bench}
PEER_PG_PORT=${DUCHA_PEER_PG_PORT:-3124}
PEER_PORT=${DUCHA_PEER_PORT:-3125}
PEER_PG="$PEER_DIR/pg"
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
REDMINE=/usr/share/redmine
export REDMINE_INSTANCE=default RAILS_ENV=production

as_postgres() { runuser -u postgres -- "$@"; }
psql_peer() { "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PEER_PG_PORT" -U postgres "$@"; }

# The peer's PostgreSQL cluster: started when not running (it stays up until stop.sh --all).
pg_up() {
  if ! as_postgres "$PGBIN/pg_ctl" -D "$PEER_PG" status >/dev/null 2>&1; then
    as_postgres "$PGBIN/pg_ctl" -D "$PEER_PG" -w -l "$PEER_PG/log" \
      -o "-p $PEER_PG_PORT -k $PEER_PG -c listen_addresses=127.0.0.1" start >/dev/null
  fi
}
