#!/bin/sh
# Stops the Redmine peer's puma (its process group); with --all its PostgreSQL cluster too.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
. "$here/env.sh"
if [ -f "$PEER_DIR/puma.pid" ]; then
  pid=$(cat "$PEER_DIR/puma.pid")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid"
    i=0
    while kill -0 "$pid" 2>/dev/null && [ $i -lt 60 ]; do sleep 0.5; i=$((i + 1)); done
  fi
  rm -f "$PEER_DIR/puma.pid"
fi
if [ "${1:-}" = "--all" ]; then
  as_postgres "$PGBIN/pg_ctl" -D "$PEER_PG" -m fast stop >/dev/null 2>&1 || true
fi
