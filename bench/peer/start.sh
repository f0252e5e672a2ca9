#!/bin/sh
# Starts the Redmine peer under puma on 127.0.0.1:$DUCHA_PEER_PORT (3125) with WORKERS puma
# workers (default 1; cluster mode, so 1 means one forked worker, as `-w 1`) of THREADS threads
# (default 5, Rails' default pool of 5 database connections), in production, as www-data, and
# waits until it answers. Its PostgreSQL cluster is started first when not running.
# Usage: bench/peer/start.sh [WORKERS] [THREADS]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
. "$here/env.sh"
workers=${1:-1}
threads=${2:-5}
"$here/stop.sh" >/dev/null 2>&1 || true
pg_up
cd "$REDMINE"
setsid runuser -u www-data -- env REDMINE_INSTANCE=default RAILS_ENV=production \
  puma -e production -b "tcp://127.0.0.1:$PEER_PORT" -w "$workers" -t "$threads:$threads" \
  config.ru >"$PEER_DIR/puma.log" 2>&1 </dev/null &
echo $! >"$PEER_DIR/puma.pid"
key=$(cat "$PEER_DIR/redmine-api-key")
i=0
until curl -fsS -o /dev/null 2>/dev/null -H "X-Redmine-API-Key: $key" "http://127.0.0.1:$PEER_PORT/issues.json?limit=1" 2>/dev/null; do
  i=$((i + 1))
  if [ $i -gt 240 ] || ! kill -0 "$(cat "$PEER_DIR/puma.pid")" 2>/dev/null; then
    echo "Redmine did not start; see $PEER_DIR/puma.log" >&2
    tail -20 "$PEER_DIR/puma.log" >&2
    exit 1
  fi
  sleep 0.5
done
# every worker booted (cluster mode boots them one by one; the first answers before the last is up)
until [ "$(grep -c 'booted in' "$PEER_DIR/puma.log")" -ge "$workers" ]; do
  i=$((i + 1))
  [ $i -gt 480 ] && { echo "puma: not every worker booted; see $PEER_DIR/puma.log" >&2; exit 1; }
  sleep 0.5
done
echo "Redmine on http://127.0.0.1:$PEER_PORT ($workers worker(s) × $threads threads)"
