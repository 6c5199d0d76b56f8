#!/usr/bin/env bash
# Stops a server started by one of the start-*.sh scripts: stop-process-group.sh <PID> <DATA_DIR_PREFIX>
# Sends SIGTERM to the PID (and its process group, which setsid made), waits up to 10 s, then SIGKILL;
# removes the throwaway data dir if its name starts with the prefix (e.g. radicale-test.).
set -uo pipefail
PID=${1:?usage: $0 PID DATA_DIR_PREFIX}
PREFIX=${2:?usage: $0 PID DATA_DIR_PREFIX}
STATE_DIR=${CALDAV_SERVERS_STATE:-${TMPDIR:-/tmp}/calplanebot-caldav}
[[ $PID =~ ^[0-9]+$ ]] || { echo "not a PID: $PID" >&2; exit 2; }

if kill -0 "$PID" 2>/dev/null; then
  PGID=$(ps -o pgid= -p "$PID" | tr -d ' ')
  if [[ $PGID == "$PID" ]]; then kill -TERM -- "-$PID" 2>/dev/null; else kill -TERM "$PID"; fi
  for _ in $(seq 1 100); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$PID" 2>/dev/null; then
    echo "PID $PID still alive after 10 s, sending SIGKILL" >&2
    if [[ $PGID == "$PID" ]]; then kill -KILL -- "-$PID" 2>/dev/null; else kill -KILL "$PID"; fi
  fi
else
  echo "PID $PID is not running" >&2
fi

if [[ -f $STATE_DIR/$PID.env ]]; then
  DATA_DIR=$(sed -n 's/^DATA_DIR=//p' "$STATE_DIR/$PID.env")
  [[ $DATA_DIR == */"$PREFIX"* ]] && rm -rf -- "$DATA_DIR"
  rm -f -- "$STATE_DIR/$PID.env"
fi
echo "stopped $PID"
