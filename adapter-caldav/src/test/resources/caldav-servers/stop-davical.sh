#!/usr/bin/env bash
# Stop a DAViCal started by start-davical.sh: stop-davical.sh <PID>
# SIGTERM to the supervisor PID makes it stop php -S and PostgreSQL
# (pg_ctl stop -m fast) and delete the temp dir; after 15 s we force it.
set -uo pipefail
PID=${1:?usage: $0 PID}
STATE_DIR=${CALDAV_SERVERS_STATE:-${TMPDIR:-/tmp}/calplanebot-caldav}
[[ $PID =~ ^[0-9]+$ ]] || { echo "not a PID: $PID" >&2; exit 2; }
DATA_DIR= PGBIN=
[[ -f $STATE_DIR/$PID.env ]] && . "$STATE_DIR/$PID.env"

if kill -0 "$PID" 2>/dev/null; then
  kill -TERM "$PID"
  for _ in $(seq 1 150); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$PID" 2>/dev/null; then
    echo "supervisor $PID still alive after 15 s, killing it and php -S" >&2
    kill -KILL -- "-$PID" 2>/dev/null || kill -KILL "$PID"
    PHP_PGID=$(cat "$DATA_DIR/php.pgid" 2>/dev/null)
    [[ $PHP_PGID =~ ^[0-9]+$ ]] && kill -KILL -- "-$PHP_PGID" 2>/dev/null
  fi
else
  echo "PID $PID is not running" >&2
fi

# belt and braces: PostgreSQL runs outside the supervisor's process group
if [[ $DATA_DIR == */davical-test.* && -d $DATA_DIR ]]; then
  if [[ -f $DATA_DIR/pgdata/postmaster.pid ]]; then
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$DATA_DIR/pgdata" -m immediate -s stop >/dev/null 2>&1
  fi
  rm -rf -- "$DATA_DIR"
fi
rm -f -- "$STATE_DIR/$PID.env"
echo "stopped $PID"
